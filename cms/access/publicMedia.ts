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

/** The collections whose documents can refer to media, with the top-level fields that can. */
const referring = (payload: Payload) =>
  Object.values(payload.collections)
    .map(({ config }) => ({ config, keys: config.slug === 'media' || config.slug.startsWith('payload-') || config.auth ? [] : mediaKeys(config.fields) }))
    .filter(({ keys }) => keys.length > 0)

/** Reads, as an anonymous reader, every public document and collects the media they use. */
const collectPublicMedia = async (payload: Payload): Promise<string[]> => {
  const ids: Ids = new Set()
  for (const { config, keys } of referring(payload)) {
    const select = Object.fromEntries(keys.map((k) => [k, true]))
    for (let page = 1; ; page++) {
      const result = await payload.find({ collection: config.slug, depth: 0, limit: 500, page, overrideAccess: false, draft: false, select })
      for (const doc of result.docs) mediaIn(config.fields, doc, ids)
      if (!result.hasNextPage) break
    }
  }
  return [...ids]
}

/**
 * A cheap summary of the referring documents (how many, and the latest change of each collection): when
 * it is unchanged, so is the public-media set, and the full read above is skipped.
 */
const fingerprint = async (payload: Payload): Promise<string> => {
  const parts = await Promise.all(
    referring(payload).map(async ({ config }) => {
      const { docs, totalDocs } = await payload.find({ collection: config.slug, depth: 0, limit: 1, sort: '-updatedAt', overrideAccess: true, draft: false, select: { updatedAt: true } })
      return `${config.slug}:${String(totalDocs)}:${String((docs[0] as { updatedAt?: string } | undefined)?.updatedAt)}`
    }),
  )
  return parts.join('|')
}

/** Changes made by another process (a CLI import) are looked for after at most this long. */
export const MAX_AGE_MS = 5_000
let memo: { generation: number; at: number; fingerprint: Promise<string>; ids: Promise<string[]> } | undefined

/**
 * The media ids that published documents use. Recomputed at once after a change in this process; after
 * MAX_AGE_MS only if the referring documents' fingerprint moved (another process changed them).
 */
export const publicMediaIds = async (payload: Payload): Promise<string[]> => {
  const generation = apiCacheGeneration()
  if (memo && memo.generation === generation && Date.now() - memo.at > MAX_AGE_MS) {
    const previous = memo
    const current = fingerprint(payload)
    memo = { ...previous, at: Date.now(), fingerprint: current }
    if ((await current) !== (await previous.fingerprint)) memo = { ...memo, ids: collectPublicMedia(payload) }
  }
  if (!memo || memo.generation !== generation) {
    // The fingerprint is taken first, so the set read after it is never older than what it summarises.
    const summary = fingerprint(payload)
    memo = { generation, at: Date.now(), fingerprint: summary, ids: summary.then(() => collectPublicMedia(payload)) }
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
