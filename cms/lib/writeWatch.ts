/**
 * Every write through the database adapter clears the REST micro-cache (apiCache.ts), whatever made it:
 * a REST or admin save, a workflow step, a hook's own write, a logout (which removes the session from the
 * account), a role changed, a setting. Wired once on the adapter, so no collection can forget it.
 *
 * Payload's bookkeeping collections (`payload-*`: the job queue, which the job runner writes every
 * second, preferences, document locks, migrations) hold nothing a kept answer shows, and no answer read
 * from them is kept: their writes clear nothing.
 */
import type { BaseDatabaseAdapter, DatabaseAdapter, PayloadRequest } from 'payload'

import { invalidateApiCache } from './apiCache.ts'

const WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies readonly (keyof BaseDatabaseAdapter)[]

interface WriteArgs {
  collection?: string
  collectionSlug?: string
  req?: Partial<PayloadRequest>
}

const isBookkeeping = (args: WriteArgs | undefined) => (args?.collection ?? args?.collectionSlug ?? '').startsWith('payload-')

/** Makes each of the adapter's writes clear the REST micro-cache once it has been made (set up once in onInit). */
export const watchWrites = (db: DatabaseAdapter) => {
  const methods = db as unknown as Record<string, (args: WriteArgs) => Promise<unknown>>
  for (const name of WRITES) {
    const write = methods[name]!.bind(db)
    methods[name] = async (args) => {
      try {
        return await write(args)
      } finally {
        if (!isBookkeeping(args)) await invalidateApiCache(args?.req)
      }
    }
  }
}
