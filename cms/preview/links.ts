/**
 * Share links for a draft preview: a leader without an account opens `/preview/<collection>/<id>?token=…`
 * until the link expires (24 h by default) or someone revokes it. Only the token's SHA-256 is stored, so
 * the database never holds a usable link; the token is shown once, to the person who made it.
 */
import { createHash, randomBytes } from 'node:crypto'

import type { CollectionConfig, Endpoint, Payload } from 'payload'

import { authenticated } from '../access/authenticated.ts'
import { hasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { cmsOrigin } from '../lib/deployment.ts'
import { isPreviewable } from './kinds.ts'

const DEFAULT_HOURS = 24
const MAX_HOURS = 24 * 7
const nobody = () => false
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/** POST /api/preview-links/share `{ collection, id, hours? }` → `{ url, expiresAt }`. */
const shareEndpoint: Endpoint = {
  path: '/share',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: '请先登录。' }] }, { status: 401 })
    const body = (await req.json?.().catch(() => null)) as { collection?: string; id?: string | number; hours?: number } | null
    const collection = String(body?.collection ?? '')
    const id = String(body?.id ?? '')
    if (!isPreviewable(collection) || !id) return Response.json({ errors: [{ message: '请指明要分享的稿件（collection 和 id）。' }] }, { status: 400 })
    // The person must be able to read the draft themselves.
    const doc = await req.payload.findByID({ collection, id, draft: true, depth: 0, user: req.user, overrideAccess: false, disableErrors: true })
    if (!doc) return Response.json({ errors: [{ message: '没有找到这份稿件，或您无权查看。' }] }, { status: 404 })
    const hours = Math.min(Math.max(Number(body?.hours) || DEFAULT_HOURS, 1), MAX_HOURS)
    const token = randomBytes(24).toString('base64url')
    const expiresAt = new Date(Date.now() + hours * 3600_000).toISOString()
    const title = String((doc as { title?: unknown; name?: unknown }).title ?? (doc as { name?: unknown }).name ?? id)
    await req.payload.create({ collection: 'preview-links', data: { targetCollection: collection, docId: id, docTitle: title, tokenHash: hashOf(token), expiresAt, createdBy: req.user.id }, overrideAccess: true })
    return Response.json({ url: `${cmsOrigin()}/preview/${collection}/${id}?token=${token}`, expiresAt }, { status: 201 })
  },
}

export const PreviewLinks: CollectionConfig = {
  slug: 'preview-links',
  labels: { singular: label('预览分享链接', 'Preview link'), plural: label('预览分享链接', 'Preview links') },
  admin: {
    group: label('系统', 'System'),
    useAsTitle: 'docTitle',
    defaultColumns: ['docTitle', 'createdBy', 'expiresAt', 'revoked'],
    description: label('稿件预览的分享链接。勾选“已撤销”并保存即可让链接立即失效。', 'Share links of draft previews.'),
  },
  defaultSort: '-createdAt',
  access: { read: authenticated, create: nobody, update: authenticated, delete: hasRole() },
  endpoints: [shareEndpoint],
  fields: [
    { name: 'docTitle', type: 'text', label: label('稿件', 'Document'), access: { update: nobody } },
    { name: 'targetCollection', type: 'text', index: true, label: label('内容类型', 'Collection'), access: { update: nobody } },
    { name: 'docId', type: 'text', index: true, label: label('稿件 ID', 'Document id'), access: { update: nobody } },
    { name: 'tokenHash', type: 'text', index: true, hidden: true },
    { name: 'expiresAt', type: 'date', required: true, label: label('有效期至', 'Expires'), access: { update: nobody }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', label: label('创建人', 'Created by'), access: { update: nobody } },
    { name: 'revoked', type: 'checkbox', defaultValue: false, label: label('已撤销', 'Revoked') },
  ],
}

/** Whether a share link's token opens this document's preview now. */
export const linkOpens = async (payload: Payload, collection: string, id: string, token: string): Promise<'ok' | 'expired' | 'revoked' | 'invalid'> => {
  const { docs } = await payload.find({ collection: 'preview-links', where: { tokenHash: { equals: hashOf(token) } }, limit: 1, depth: 0, overrideAccess: true })
  const link = docs[0] as { targetCollection?: string; docId?: string; expiresAt: string; revoked?: boolean | null } | undefined
  if (!link || link.targetCollection !== collection || link.docId !== id) return 'invalid'
  if (link.revoked) return 'revoked'
  return new Date(link.expiresAt).getTime() > Date.now() ? 'ok' : 'expired'
}
