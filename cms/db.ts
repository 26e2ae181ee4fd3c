import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { withCountCache } from './lib/countCache.ts'
import { withReadableErrors } from './lib/dbErrors.ts'
import { dataDir, rootDir } from './lib/paths.ts'
import { migrations } from './migrations/index.ts'

/** The database URI in force: `DATABASE_URI`, or the embedded SQLite file under `.data/`. */
export const databaseUri = (): string => process.env.DATABASE_URI || `file:${path.join(dataDir, 'payload.db')}`

/** The embedded database's file (only meaningful when usesSqlite()). */
export const sqliteFile = (): string => databaseUri().slice('file:'.length)

/** Whether the CMS runs on the embedded SQLite database (as opposed to MongoDB). */
export const usesSqlite = (): boolean => databaseUri().startsWith('file:')

/**
 * `DATABASE_URI=mongodb://…` selects MongoDB (the production target); anything else is a SQLite file.
 * SQLite's schema comes from the committed migrations, never from a dev-mode push, so the admin server,
 * the seed and the site build can share the file without racing to alter it. Either way, errors the
 * database raises about a request's data come out as Chinese validation errors (lib/dbErrors.ts).
 */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const uri = databaseUri()
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) {
    return withReadableErrors(mongooseAdapter({ url: uri }))
  }
  if (!uri.startsWith('file:')) {
    throw new Error(`DATABASE_URI 无法识别：“${uri}”。请使用 mongodb://… 或 file:路径（SQLite）。`)
  }
  // Plain counts kept on REST reads (lib/countCache.ts).
  return withCountCache(withReadableErrors(sqliteAdapter({
    client: { url: uri },
    wal: true,
    busyTimeout: 10_000,
    push: false,
    migrationDir: path.join(rootDir, 'cms', 'migrations'),
    prodMigrations: migrations,
  })))
}
