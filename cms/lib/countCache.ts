/**
 * Counts kept for a few seconds on REST reads. A paginated list counts every matching document for its
 * page numbers: at 100,000 documents counting the published news took ~6 ms, most of an uncached list
 * request, and under 50 connections the counts queued behind each other. Inside a REST GET (`asRead`,
 * apiCache.ts) a plain count outside any transaction is kept until content changes in this process
 * (apiCacheGeneration) or for TTL_MS (a change another process made), and is never stored while a change
 * is being written. Writes and their checks (a duplicate 文号, say) always count afresh: they never run as
 * a REST read.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { apiCacheGeneration, inRead, TTL_MS, writesOpen } from './apiCache.ts'

interface CountArgs {
  column?: unknown
  db: { select: (fields: object) => { from: (table: unknown) => { where: (where: unknown) => { toSQL: () => { sql: string; params: unknown[] } } } } }
  joins: unknown[]
  tableName: string
  where: unknown
}
type Counting = BaseDatabaseAdapter & { countDistinct?: (this: Counting, a: CountArgs) => Promise<number>; drizzle?: unknown; tables?: Record<string, unknown> }

const MAX_KEPT = 1000

/** The SQLite adapter with its plain counts kept on REST reads (MongoDB's has no such method: left as it is). */
export const withCountCache = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args) as Counting
    const count = db.countDistinct
    if (typeof count !== 'function') return db
    const kept = new Map<string, { at: number; generation: number; n: number }>()
    db.countDistinct = async function (this: Counting, a: CountArgs) {
      if (!inRead() || a.joins.length > 0 || a.column || a.db !== this.drizzle) return count.call(this, a)
      const query = a.db.select({ n: sql`count(*)` }).from(this.tables![a.tableName]).where(a.where).toSQL()
      const key = `${query.sql}\0${JSON.stringify(query.params)}`
      const generation = apiCacheGeneration()
      const hit = kept.get(key)
      if (hit && hit.generation === generation && Date.now() - hit.at < TTL_MS) return hit.n
      const at = Date.now()
      const n = await count.call(this, a)
      if (generation === apiCacheGeneration() && writesOpen() === 0) {
        if (kept.size >= MAX_KEPT) kept.clear()
        kept.set(key, { at, generation, n })
      }
      return n
    }
    return db
  },
})
