import type { CollectionBeforeChangeHook, Where } from 'payload'

import { fieldError } from '../lib/errors.ts'
import { idOf } from '../lib/ids.ts'

type UniqueRule = {
  /** Fields whose values, taken together, must not repeat across the collection. */
  fields: string[]
  /** The field the error is reported on in the admin form. */
  path: string
  /** The Chinese message naming the clash and the document that already holds the value. */
  message: (data: Record<string, unknown>, existing: Record<string, unknown>) => string
}

/**
 * Refuses a create or update whose value(s) another document already holds, with a message that names
 * that document. Runs for drafts too (Payload skips field validation on drafts), and backs up the
 * database's own unique index with a readable error.
 */
export const ensureUnique =
  ({ fields, path, message }: UniqueRule): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const merged: Record<string, unknown> = { ...originalDoc, ...data }
    const values = fields.map((field) => idOf(merged[field]))
    if (values.some((value) => value === undefined || value === null || value === '')) return data

    const and: Where[] = fields.map((field, i) => ({ [field]: { equals: values[i] } }))
    if (originalDoc?.id !== undefined) and.push({ id: { not_equals: originalDoc.id } })

    const { docs } = await req.payload.find({
      collection: collection.slug as 'resolutions',
      where: { and },
      limit: 1,
      depth: 1,
      draft: true,
      overrideAccess: true,
      pagination: false,
      req,
    })
    const existing = docs[0]
    if (existing) {
      throw fieldError(collection.slug, path, message(merged, existing as unknown as Record<string, unknown>), req)
    }
    return data
  }
