import type { Access, Field, Payload } from 'payload'

import { apiCacheGeneration } from '../lib/apiCache.ts'

type Ids = Set<string>

const addId = (value: unknown, out: Ids) => {
  if (value === null || value === undefined) return
  if (Array.isArray(value)) for (const v of value) addId(v, out)
  else if (typeof value === 'object') addId((value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value, out)
  else out.add(String(value))
}

/** Upload nodes of a Lexical document (images placed in rich text). */
const lexicalUploads = (node: unknown, out: Ids) => {
  if (!node || typeof node !== 'object') return
  const n = node as { type?: string; relationTo?: string; value?: unknown; root?: unknown; children?: unknown[] }
  if (n.type === 'upload' && n.relationTo === 'media') addId(n.value, out)
  if (n.root) lexicalUploads(n.root, out)
  for (const child of n.children ?? []) lexicalUploads(child, out)
}

/** Every media id a document's data refers to, found by walking its field definitions. */
const mediaIn = (fields: Field[], data: unknown, out: Ids) => {
  if (!data || typeof data !== 'object') return
  const row = data as Record<string, unknown>
  for (const field of fields) {
    const value = 'name' in field ? row[field.name] : row
    if (field.type === 'upload' && field.relationTo === 'media') addId(value, out)
    else if (field.type === 'richText') lexicalUploads(value, out)
    else if (field.type === 'array' && Array.isArray(value)) for (const item of value) mediaIn(field.fields, item, out)
    else if (field.type === 'blocks' && Array.isArray(value)) {
      for (const item of value as { blockType?: string }[]) {
        const block = field.blocks.find((b) => b.slug === item.blockType)
        if (block) mediaIn(block.fields, item, out)
      }
    } else if (field.type === 'tabs') for (const tab of field.tabs) mediaIn(tab.fields, 'name' in tab ? row[tab.name] : row, out)
    else if ('fields' in field) mediaIn(field.fields, value, out)
  }
}

/** Whether a field, or anything nested in it, can hold a media reference. */
const holdsMedia = (field: Field): boolean =>
  (field.type === 'upload' && field.relationTo === 'media') ||
  field.type === 'richText' ||
  ('fields' in field && field.fields.some(holdsMedia)) ||
  (field.type === 'tabs' && field.tabs.some((tab) => tab.fields.some(holdsMedia))) ||
  (field.type === 'blocks' && field.blocks.some((block) => block.fields.some(holdsMedia)))

/** The top-level data keys to read: only what can hold media (so other data, even damaged, is not read). */
const mediaKeys = (fields: Field[]): string[] =>
  fields.flatMap((field) => {
    if ('name' in field) return holdsMedia(field) ? [field.name] : []
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab ? (tab.fields.some(holdsMedia) ? [tab.name] : []) : mediaKeys(tab.fields)))
    return 'fields' in field ? mediaKeys(field.fields) : []
  })

/** Reads, as an anonymous reader, every public document and collects the media they use. */
const collectPublicMedia = async (payload: Payload): Promise<string[]> => {
  const ids: Ids = new Set()
  for (const { config } of Object.values(payload.collections)) {
    if (config.slug === 'media' || config.slug.startsWith('payload-') || config.auth) continue
    const keys = mediaKeys(config.fields)
    if (keys.length === 0) continue
    const select = Object.fromEntries(keys.map((k) => [k, true]))
    for (let page = 1; ; page++) {
      const result = await payload.find({ collection: config.slug, depth: 0, limit: 500, page, overrideAccess: false, draft: false, select })
      for (const doc of result.docs) mediaIn(config.fields, doc, ids)
      if (!result.hasNextPage) break
    }
  }
  return [...ids]
}

/** Changes made by another process (a CLI import) are seen after at most this long. */
const MAX_AGE_MS = 5_000
let memo: { generation: number; at: number; ids: Promise<string[]> } | undefined

/** The media ids that published documents use; recomputed after any content change. */
export const publicMediaIds = (payload: Payload): Promise<string[]> => {
  const generation = apiCacheGeneration()
  if (!memo || memo.generation !== generation || Date.now() - memo.at > MAX_AGE_MS) {
    memo = { generation, at: Date.now(), ids: collectPublicMedia(payload) }
  }
  return memo.ids
}

/**
 * Signed-in users read the whole media library; anonymous readers list and download only files that a
 * published document uses, so the upload for a draft stays private until the draft is published.
 */
export const mediaReadAccess: Access = async ({ req }) => {
  if (req.user) return true
  const ids = await publicMediaIds(req.payload)
  return ids.length ? { id: { in: ids } } : { id: { exists: false } }
}
