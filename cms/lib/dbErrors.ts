/**
 * The database adapter's boundary: an error the database raises because of what a request sent (a unique
 * value taken, a required value missing, a reference to nothing, a value of the wrong type) leaves the
 * adapter as a validation error naming the field in Chinese (HTTP 400), for every collection and global,
 * on SQLite and MongoDB alike. Anything else is a fault of ours and stays a 500.
 */
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Field, SanitizedConfig } from 'payload'

import { fieldError } from './errors.ts'
import { fieldLabel } from './fieldLabel.ts'

type Problem = { kind: 'unique' | 'required' | 'reference' | 'type' | 'size'; column?: string; table?: string }

/** The adapter methods that take a collection or global and a request's data or query. */
const GUARDED = [
  'create', 'updateOne', 'updateMany', 'upsert', 'deleteOne', 'deleteMany', 'createVersion', 'updateVersion', 'deleteVersions',
  'createGlobal', 'updateGlobal', 'createGlobalVersion', 'updateGlobalVersion', 'find', 'findOne', 'findDistinct', 'count',
  'countVersions', 'countGlobalVersions', 'findVersions', 'findGlobal', 'findGlobalVersions', 'queryDrafts',
] as const

const SQLITE_KINDS: [RegExp, Problem['kind']][] = [
  [/UNIQUE constraint failed/i, 'unique'],
  [/NOT NULL constraint failed/i, 'required'],
  [/FOREIGN KEY constraint failed/i, 'reference'],
  [/CHECK constraint failed|datatype mismatch|SQLITE_MISMATCH/i, 'type'],
  [/string or blob too big|SQLITE_TOOBIG/i, 'size'],
]

/** What the database said, if it was about the data (walks the `cause` chain drizzle and libsql wrap it in). */
const problemOf = (error: unknown): Problem | null => {
  for (let e = error as { cause?: unknown; code?: unknown; message?: unknown; name?: unknown; keyValue?: unknown; path?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const message = typeof e.message === 'string' ? e.message : ''
    for (const [pattern, kind] of SQLITE_KINDS) {
      if (pattern.test(message) || (typeof e.code === 'string' && pattern.test(e.code))) {
        const [, table, column] = /constraint failed: ([\w]+)\.([\w]+)/.exec(message) ?? []
        return { kind, table, column }
      }
    }
    // MongoDB: duplicate key (11000), and mongoose's cast and validation errors.
    if (e.code === 11000) return { kind: 'unique', column: Object.keys((e.keyValue as object) ?? {})[0] }
    if (e.name === 'CastError') return { kind: 'type', column: typeof e.path === 'string' ? e.path : undefined }
    if (e.name === 'ValidationError' && e.message && /validation failed/i.test(message)) return { kind: 'type' }
  }
  return null
}

const camel = (column: string) => column.replace(/^version_/, '').replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** The field (and its path) a table and column belong to: `news_key_figures.id` is a row of 数说. */
const fieldOf = (fields: Field[], slug: string, p: Problem): { field?: Field; path: string } => {
  const table = (p.table ?? '').replace(/^_/, '').replace(new RegExp(`^${slug.replace(/-/g, '_')}(_v)?(_version)?_?`), '')
  const column = p.column ? camel(p.column) : ''
  const found: { field: Field; path: string }[] = []
  const walk = (list: Field[], prefix: string) => {
    for (const field of list) {
      if ('name' in field && field.name) {
        const path = `${prefix}${field.name}`
        found.push({ field, path })
        if ('fields' in field) walk(field.fields, `${path}.`)
      } else if ('fields' in field) walk(field.fields, prefix)
      else if (field.type === 'tabs') for (const tab of field.tabs) walk(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)
    }
  }
  walk(fields, '')
  const snake = (path: string) => path.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  if (table && (column === 'id' || column === '')) {
    const row = found.find((f) => snake(f.path) === table)
    if (row) return { field: row.field, path: row.path }
  }
  const names = new Set([column, column.replace(/Id$/, '')])
  const byColumn = found.filter((f) => 'name' in f.field && names.has(f.field.name))
  const best = byColumn.find((f) => !table || snake(f.path).startsWith(table)) ?? byColumn[0]
  return best ? { field: best.field, path: best.path } : { path: column || 'id' }
}

const MESSAGES: Record<Problem['kind'], (label: string) => string> = {
  unique: (label) => `“${label}”的值已被其他文档使用，请换一个。`,
  required: (label) => `“${label}”不能为空。`,
  reference: (label) => `“${label}”引用的文档不存在或已被删除。`,
  type: (label) => `“${label}”的取值类型不正确。`,
  size: (label) => `“${label}”的内容过长。`,
}

const PAYLOAD_UNIQUE = /must be unique|值必须是唯一的|唯一/

/** Turns a database error about the data into a Chinese validation error; returns anything else unchanged. */
export const readableDatabaseError = (error: unknown, config: SanitizedConfig, args: { collection?: string; global?: string; slug?: string; req?: unknown }): unknown => {
  const slug = args.collection ?? args.global ?? args.slug
  const entity = config.collections.find((c) => c.slug === slug) ?? config.globals.find((g) => g.slug === slug)
  const status = (error as { status?: number }).status
  const details = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  // Payload's own unique check from the adapter (path = column, message in the request's language).
  if (status === 400 && details?.length === 1 && PAYLOAD_UNIQUE.test(details[0]?.message ?? '') && entity && slug) {
    const { field, path } = fieldOf(entity.fields, slug, { kind: 'unique', column: details[0]?.path })
    return fieldError(slug, path, MESSAGES.unique(field ? fieldLabel(field) : path), args.req)
  }
  if (status && status < 500) return error
  const problem = problemOf(error)
  if (!problem || !entity || !slug) return error
  const { field, path } = fieldOf(entity.fields, slug, problem)
  return fieldError(slug, path, MESSAGES[problem.kind](field ? fieldLabel(field) : problem.kind === 'reference' ? '关联字段' : path), args.req)
}

/** The adapter with every data method's database errors made readable (see the file's comment). */
export const withReadableErrors = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args) as BaseDatabaseAdapter & Record<string, unknown>
    for (const name of GUARDED) {
      const method = db[name]
      if (typeof method !== 'function') continue
      const guardedMethod = async (methodArgs: Record<string, unknown>) => {
        try {
          return await (method as (a: unknown) => Promise<unknown>).call(db, methodArgs)
        } catch (error) {
          throw readableDatabaseError(error, db.payload.config, methodArgs as never)
        }
      }
      ;(db as Record<string, unknown>)[name] = guardedMethod
    }
    return db
  },
})
