import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { dataEnv } from '../../scripts/lib/data-env.ts'

/** The environment of a bench data directory (`bench/tmp/<N>-<time>/`): its database, uploads, releases and `dist`. */
export const benchEnv = (dir: string): Record<string, string> => ({
  ...dataEnv(dir, { name: 'bench', secret: 'bench-secret', seedPassword: 'bench-password-123', siteUrl: 'http://localhost:4321' }),
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
})

/**
 * A Chromium that runs at low priority (a script in the data directory that starts it under `nice`): the
 * bench's browser stands for a reader's machine, which is not the server it measures.
 */
export const niceChromium = (dir: string): string => {
  const script = path.join(dir, 'nice-chromium.sh')
  writeFileSync(script, `#!/bin/sh\nexec nice -n 10 ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} "$@"\n`, { mode: 0o755 })
  return script
}
