import { isPublicDeployment } from '../lib/deployment.ts'

/** The documented password of the demo accounts on a local machine. Never valid on a served site. */
export const DEFAULT_SEED_PASSWORD = 'wenming-demo-2026'

/**
 * The demo accounts' password, or null for none. A local trial uses `SEED_PASSWORD` or the documented
 * default. A served site (see isPublicDeployment) gets no demo accounts, unless `SEED_PASSWORD` names a
 * password of its own (a staging site with known test accounts); the documented one is refused there.
 */
export const seedPassword = (env: Record<string, string | undefined> = process.env): string | null => {
  const password = env.SEED_PASSWORD?.trim()
  if (password && password.length < 10) throw new Error('SEED_PASSWORD 太短：至少需要 10 个字符。')
  if (!isPublicDeployment(env)) return password || DEFAULT_SEED_PASSWORD
  if (password === DEFAULT_SEED_PASSWORD) {
    throw new Error('网站已对外提供服务（HOST、SERVER_URL、SITE_URL 不是本机，或 NODE_ENV=production），不能使用文档中公开的演示密码，请通过 SEED_PASSWORD 设置另一个强密码，或不设置（不创建演示账号）。')
  }
  return password || null
}
