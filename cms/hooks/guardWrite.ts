/**
 * What every collection and global does before it writes, so that bad input is refused before the first
 * row is written. SQLite runs without transactions here (libsql gives a transaction its own connection,
 * without the busy timeout, and blocks the event loop while it waits), so a write that fails half-way
 * would leave half a document: every check that the database would otherwise make mid-write is made here.
 */
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, CollectionSlug, Field, GlobalBeforeOperationHook, GlobalBeforeValidateHook, PayloadRequest, SanitizedConfig } from 'payload'

import { bodyProblem, refuseWrongShapes } from '../lib/dataShape.ts'
import { fieldError, publicError } from '../lib/errors.ts'
import { fieldLabel } from '../lib/fieldLabel.ts'
import { idOf } from '../lib/ids.ts'
import { dropUnknownKeys, eachField } from '../lib/walkFields.ts'

type Data = Record<string, unknown>

/** The ids of every array and block row a stored document holds, anywhere in it. */
const rowIdsOf = (fields: Field[], config: SanitizedConfig, doc: unknown): Set<string> => {
  const ids = new Set<string>()
  eachField(fields, config, doc, ({ field, value }) => {
    if ((field.type === 'array' || field.type === 'blocks') && Array.isArray(value)) {
      for (const row of value) if (row && typeof row === 'object' && typeof (row as Data).id === 'string') ids.add((row as Data).id as string)
    }
  })
  return ids
}

/**
 * Array and block rows keep their id only when the stored document already has a row with that id (and
 * the id is not repeated in the request). Any other id — one copied from another document, made up by
 * an API client, or repeated — is dropped, so the row is saved as a new row with a new id. Row ids are
 * primary keys across every document of a collection: a copied one used to end in a 500.
 */
const dropForeignRowIds = (fields: Field[], config: SanitizedConfig, data: unknown, original: unknown) => {
  const own = rowIdsOf(fields, config, original)
  const seen = new Set<string>()
  eachField(fields, config, data, ({ field, value }) => {
    if ((field.type !== 'array' && field.type !== 'blocks') || !Array.isArray(value)) return
    for (const row of value) {
      if (!row || typeof row !== 'object' || !('id' in row)) continue
      const id = (row as Data).id
      if (typeof id === 'string' && own.has(id) && !seen.has(id)) seen.add(id)
      else delete (row as Data).id
    }
  })
}

type Reference = { path: string; field: Field; collection: string; id: unknown }

/** Every document a relationship or upload field of `data` points at. */
const referencesOf = (fields: Field[], config: SanitizedConfig, data: unknown): Reference[] => {
  const refs: Reference[] = []
  eachField(fields, config, data, ({ field, value, path }) => {
    if ((field.type !== 'relationship' && field.type !== 'upload') || value === undefined || value === null) return
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null) continue
      if (Array.isArray(field.relationTo)) {
        const target = item && typeof item === 'object' ? (item as Data) : {}
        const collection = typeof target.relationTo === 'string' && (field.relationTo as string[]).includes(target.relationTo) ? target.relationTo : ''
        refs.push({ path, field, collection, id: idOf(target.value) })
      } else refs.push({ path, field, collection: field.relationTo, id: idOf(item) })
    }
  })
  return refs
}

/** A SQLite row id: a positive safe integer, as a number or in digits. */
const isNumericId = (id: unknown) => (typeof id === 'number' ? Number.isSafeInteger(id) && id > 0 : typeof id === 'string' && /^[1-9]\d{0,14}$/.test(id))

/** Relationship and upload values must name documents that exist (a missing one failed mid-write). */
const refuseMissingReferences = async (fields: Field[], config: SanitizedConfig, data: unknown, slug: string, req: PayloadRequest) => {
  const refs = referencesOf(fields, config, data)
  if (!refs.length) return
  const fail = (ref: Reference, what: string) => {
    throw fieldError(slug, ref.path, `“${fieldLabel(ref.field)}”${what}`, req)
  }
  const byCollection = new Map<string, Reference[]>()
  const numeric = req.payload.db.defaultIDType === 'number'
  for (const ref of refs) {
    const valid = numeric ? isNumericId(ref.id) : typeof ref.id === 'string' && /^[0-9a-f]{24}$/i.test(ref.id)
    if (!ref.collection) fail(ref, '的取值格式不正确：应为 { relationTo, value }。')
    if (!valid) fail(ref, `引用的编号“${String(JSON.stringify(ref.id)).slice(0, 40)}”格式不正确。`)
    byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref])
  }
  for (const [collection, wanted] of byCollection) {
    const ids = [...new Set(wanted.map((ref) => String(ref.id)))].map((id) => (numeric ? Number(id) : id))
    const { docs } = await req.payload.db.find({ collection: collection as CollectionSlug, where: { id: { in: ids } }, limit: ids.length, pagination: false, req })
    const found = new Set(docs.map((doc) => String(doc.id)))
    const missing = wanted.find((ref) => !found.has(String(ref.id)))
    if (missing) fail(missing, `引用的文档（编号 ${String(missing.id)}）不存在或已被删除。`)
  }
}

/** The checks every create and update makes before Payload's own hooks see the data. */
const checkRequestData = async (fields: Field[], data: unknown, slug: string, req: PayloadRequest) => {
  if (data === undefined) return
  const problem = bodyProblem(data)
  if (problem) throw publicError(problem, 400)
  const d = data as Data
  // The URL names the document; an id in the body is not the client's to choose.
  delete d.id
  dropUnknownKeys(fields, req.payload.config, d, ['password'])
  refuseWrongShapes(fields, req.payload.config, d, slug, req)
  await refuseMissingReferences(fields, req.payload.config, d, slug, req)
}

/** Collections: a create's or update's data is checked before anything else runs. */
export const guardRequest: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation === 'create' || operation === 'update') await checkRequestData(collection.fields, (args as { data?: unknown }).data, collection.slug, req)
  return args
}

/** Collections: drop foreign row ids before Payload fills in new ones. */
export const guardRowIds: CollectionBeforeValidateHook = ({ collection, data, originalDoc, req }) => {
  if (data) dropForeignRowIds(collection.fields, req.payload.config, data, originalDoc)
  return data
}

/** Globals: the same two guards. */
export const guardGlobalRequest: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  if (operation === 'update') await checkRequestData(global.fields, (args as { data?: unknown }).data, global.slug, req)
  return args
}

export const guardGlobalRowIds: GlobalBeforeValidateHook = ({ data, global, originalDoc, req }) => {
  if (data) dropForeignRowIds(global.fields, req.payload.config, data, originalDoc)
  return data
}
