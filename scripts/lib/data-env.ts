import path from 'node:path'

/**
 * The environment of a throwaway instance kept in `dir` (the browser tests, the search evaluation, the
 * benchmarks): its SQLite database `<name>.db`, uploads, releases and `dist`.
 */
export const dataEnv = (dir: string, o: { name: string; secret: string; seedPassword: string; siteUrl: string }) => ({
  DATA_DIR: dir,
  DATABASE_URI: `file:${path.join(dir, `${o.name}.db`)}`,
  PAYLOAD_SECRET: o.secret,
  SEED_PASSWORD: o.seedPassword,
  SITE_DIST: path.join(dir, 'dist'),
  SITE_URL: o.siteUrl,
})
