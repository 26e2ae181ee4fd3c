import path from 'node:path'

/** The environment of a bench data directory (`bench/tmp/<N>-<time>/`): its database, uploads, releases and `dist`. */
export const benchEnv = (dir: string): Record<string, string> => ({
  DATA_DIR: dir,
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  PAYLOAD_SECRET: 'bench-secret',
  SEED_PASSWORD: 'bench-password-123',
  SITE_DIST: path.join(dir, 'dist'),
  SITE_URL: 'http://localhost:4321',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
})
