import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { AuditAction } from './actions.ts'
import { recordAudit, titleOf } from './record.ts'

const statusOf = (doc: unknown) => (doc as { _status?: string } | undefined)?._status

/**
 * Every create, edit, publish and unpublish, in the same transaction as the change. The workflow's own
 * steps are logged by the workflow (submit/pass/return/sign), the seed's imports not at all.
 */
export const auditChange: CollectionAfterChangeHook = async ({ collection, context, doc, operation, previousDoc, req }) => {
  if (context.seed || context.workflow || context.audited) return doc
  const before = operation === 'create' ? undefined : statusOf(previousDoc)
  const after = statusOf(doc)
  let action: AuditAction = operation === 'create' ? 'create' : 'update'
  if (after === 'published' && before !== 'published') action = 'publish'
  else if (before === 'published' && after !== 'published') {
    // A draft saved on top of a published document leaves the published one in place; an unpublish does not.
    const stored = await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: doc.id } } })
    action = statusOf(stored) === 'published' ? 'update' : 'unpublish'
  }
  let detail: string | null = null
  if (collection.slug === 'users' && operation === 'update') {
    const roles = (u: unknown) => ((u as { roles?: string[] } | undefined)?.roles ?? []).join('、')
    if (roles(previousDoc) !== roles(doc)) {
      action = 'role'
      detail = `${roles(previousDoc) || '无'} → ${roles(doc) || '无'}`
    }
  }
  await recordAudit(req, { action, collection: collection.slug, docId: doc.id as number, docTitle: titleOf(doc), detail })
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, req }) => {
  if (context.seed) return doc
  await recordAudit(req, { action: 'delete', collection: collection.slug, docId: doc.id as number, docTitle: titleOf(doc) })
  return doc
}
