import { dataEnv } from '../../scripts/lib/data-env.ts'

/** The environment of a bench data directory (`bench/tmp/<N>-<time>/`): its database, uploads, releases and `dist`. */
export const benchEnv = (dir: string): Record<string, string> => ({
  ...dataEnv(dir, { name: 'bench', secret: 'bench-secret', seedPassword: 'bench-password-123', siteUrl: 'http://localhost:4321' }),
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
})
