import { dictionary } from '@zxcvbn-ts/language-common'

/** ASVS 5.0 L1 (6.2.1): at least 8 characters; no composition rules, but no well-known password. */
export const MIN_PASSWORD_LENGTH = 8

// The ~49,000 most common leaked passwords of zxcvbn-ts (a maintained list, also used by its scorer),
// plus the project's own name.
const common = new Set<string>([...dictionary['passwords-common'], 'wenming', 'wenmingchengshi', 'chuangwen', 'chuangcheng'])

/** Why a password may not be set, in Chinese, or null when it is acceptable. */
export const passwordProblem = (password: string, email?: string | null): string | null => {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${String(MIN_PASSWORD_LENGTH)} 个字符。`
  const lower = password.toLowerCase()
  if (common.has(lower) || common.has(lower.replace(/\d+$/, ''))) {
    return '这个密码太常见，容易被猜中（在常用密码名单中），请换一个更长、只有您知道的密码。'
  }
  const account = email?.split('@')[0]?.toLowerCase()
  if (account && account.length >= 3 && lower.includes(account)) return '密码不能包含账号名称，请换一个。'
  return null
}
