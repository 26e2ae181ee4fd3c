import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, Field } from 'payload'

import { fieldHasRole } from '../access/hasRole.ts'
import { userHasRole } from '../access/roles.ts'
import { recordAudit, titleOf } from '../audit/record.ts'
import { publicError } from '../lib/errors.ts'
import { label } from './label.ts'

export const PUBLISH_DATE_REFUSED = '首次发布时间由系统在文档首次发布时自动记录，不能设置或修改。如确需更正，请联系管理员（更正会记入操作日志）。'

/**
 * 首次发布时间: set by the server the moment a document first goes public, never by a client, so a page's
 * publishing date cannot be forged or back-dated. Only an admin can correct it (logged in 操作日志).
 */
export const firstPublishedField = (): Field => ({
  name: 'firstPublishedAt',
  type: 'date',
  index: true,
  label: label('首次发布时间', 'First published'),
  access: { create: fieldHasRole(), update: fieldHasRole() },
  admin: {
    position: 'sidebar',
    description: label('系统在首次发布时自动记录；之后的修改显示为“更新于”。', 'Set by the server on first publication.'),
    date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
  },
})

const instant = (value: unknown) => (value ? new Date(value as string).getTime() : null)

/** A client other than an admin that sends a publishing date (other than the stored one) is refused. */
export const refuseForgedPublishDate: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const a = args as { data?: Record<string, unknown>; id?: number | string; overrideAccess?: boolean }
  if (a.overrideAccess || !a.data || !('firstPublishedAt' in a.data) || userHasRole(req.user, 'admin')) return args
  const asked = instant(a.data.firstPublishedAt)
  if (asked === null) return args
  const stored = a.id === undefined ? null : await req.payload.db.findOne<{ id: number | string; firstPublishedAt?: string | null }>({ collection: collection.slug, req, where: { id: { equals: a.id } } })
  if (asked !== instant(stored?.firstPublishedAt)) throw publicError(PUBLISH_DATE_REFUSED, 403)
  return args
}

/** Stamps the first publication; records an admin's correction. */
export const stampFirstPublished: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const stored = (originalDoc as { firstPublishedAt?: string | null } | undefined)?.firstPublishedAt ?? null
  const asked = data.firstPublishedAt as string | null | undefined
  if (asked !== undefined && stored && instant(asked) !== instant(stored) && req.user) {
    await recordAudit(req, { action: 'publishDate', collection: collection.slug, docId: originalDoc?.id as number, docTitle: titleOf(originalDoc), detail: `${stored} → ${asked ?? '（清空）'}` })
  }
  if (data._status === 'published' && !stored && !asked) data.firstPublishedAt = new Date().toISOString()
  return data
}
