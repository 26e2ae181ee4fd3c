import type { CollectionBeforeOperationHook } from 'payload'

import { fieldError } from '../lib/errors.ts'

import { inspectUpload, mediaUrlAllowed } from '../lib/uploads.ts'

/**
 * Refuses, before anything is fetched, stored or resized: an upload whose bytes are not an accepted
 * type or whose pixel size would exhaust memory, and a file given by URL (the server would fetch it)
 * unless the operator allowed that address in MEDIA_URL_ALLOWLIST.
 */
export const validateUpload: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  // Payload strips `url` from the operation's data before hooks run but still fetches it afterwards, so
  // the request's own body is what tells.
  const url = (req.data as { url?: unknown } | undefined)?.url ?? (args as { data?: { url?: unknown } }).data?.url
  if (!file && operation === 'create' && typeof url === 'string' && url && !mediaUrlAllowed(url)) {
    throw fieldError(collection.slug, 'url', '不允许通过网址导入文件：请下载后直接上传。如确需从固定网站导入，请管理员在 MEDIA_URL_ALLOWLIST 中登记该网站。', req)
  }
  if (!file) return args
  const result = await inspectUpload(file)
  if (!result.ok) {
    throw fieldError(collection.slug, 'file', result.message, req)
  }
  return args
}
