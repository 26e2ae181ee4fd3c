import { getPayload, type Migration, type Payload } from 'payload'

import { usesSqlite } from '../db.ts'
import { migrations } from '../migrations/index.ts'
import config from '../payload.config.ts'

/**
 * The Payload Local API for scripts, tests and the site build, with the SQLite schema brought up to
 * date from the committed migrations (already-applied ones are skipped).
 */
export const getCms = async (): Promise<Payload> => {
  const payload = await getPayload({ config })
  // The generated migrations take the SQLite adapter's argument type; the base adapter types them loosely.
  if (usesSqlite()) await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  return payload
}
