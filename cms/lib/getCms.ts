import { getPayload, type Payload } from 'payload'

import { usesSqlite } from '../db.ts'
import { migrations } from '../migrations/index.ts'
import config from '../payload.config.ts'

/**
 * The Payload Local API for scripts, tests and the site build, with the SQLite schema brought up to
 * date from the committed migrations (already-applied ones are skipped).
 */
export const getCms = async (): Promise<Payload> => {
  const payload = await getPayload({ config })
  if (usesSqlite()) await payload.db.migrate({ migrations })
  return payload
}
