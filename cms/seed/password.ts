/** The documented password of the demo accounts on a local machine. Never valid in production. */
export const DEFAULT_SEED_PASSWORD = 'wenming-demo-2026'

/** The demo accounts' password: `SEED_PASSWORD`, or the documented default outside production. */
export const seedPassword = (env: Record<string, string | undefined> = process.env): string => {
  const password = env.SEED_PASSWORD?.trim()
  if (env.NODE_ENV === 'production' && (!password || password === DEFAULT_SEED_PASSWORD)) {
    throw new Error('生产环境（NODE_ENV=production）不能使用默认的演示账号密码，请通过 SEED_PASSWORD 设置一个强密码。')
  }
  if (password && password.length < 10) throw new Error('SEED_PASSWORD 太短：至少需要 10 个字符。')
  return password || DEFAULT_SEED_PASSWORD
}
