import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { requestRebuild } from '../jobs/rebuildSite.ts'

const isPublished = (doc: unknown) => Boolean(doc && typeof doc === 'object' && (doc as { _status?: string })._status === 'published')

/**
 * Publish-to-live: a change that the public can see (publishing, editing a published document,
 * unpublishing, deleting, a scheduled publish) queues a fast publish, which re-renders what the change
 * affects. Draft saves of unpublished documents do not. Seed imports and the workflow's own steps (which
 * only touch drafts) stand aside. A change to 搜索设置 needs every page re-indexed: a full build.
 */
export const rebuildOnChange: CollectionAfterChangeHook = async ({ collection, context, doc, previousDoc, req }) => {
  if (context.seed || context.skipRebuild || context.workflow) return doc
  // A draft save on top of a published document also lands here; its rebuild is merely redundant.
  const visible = !collection.versions || isPublished(doc) || isPublished(previousDoc)
  if (visible) await requestRebuild(req, `${collection.slug} ${String(doc.id)} 已更新`)
  return doc
}

export const rebuildOnDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, req }) => {
  if (context.seed || context.skipRebuild) return doc
  if (!collection.versions || isPublished(doc)) await requestRebuild(req, `${collection.slug} ${String(doc.id)} 已删除`)
  return doc
}

export const rebuildOnGlobalChange: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (!context.seed) await requestRebuild(req, `${global.slug} 已更新`, 'full')
  return doc
}
