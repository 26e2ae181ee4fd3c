/**
 * The collections and globals, with what every one of a kind gets: documents with a public page get the
 * server-set first-publication time and the content checks; every collection and global is audited.
 */
import type { CollectionConfig, Field, GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { auditChange, auditDelete } from '../audit/hooks.ts'
import { recordAudit } from '../audit/record.ts'
import { guardGlobalRequest, guardGlobalRowIds, guardRequest, guardRowIds } from '../hooks/guardWrite.ts'
import { checkContent, contentChecksField } from '../checks/hook.ts'
import { firstPublishedField, refuseForgedPublishDate, stampFirstPublished } from '../fields/firstPublished.ts'
import { SearchSettings } from '../globals/SearchSettings.ts'
import { SiteSettings } from '../globals/SiteSettings.ts'
import { AuditLog } from './AuditLog.ts'
import { BulletinSeries } from './BulletinSeries.ts'
import { Bulletins } from './Bulletins/index.ts'
import { ContentRules } from './ContentRules.ts'
import { Figures } from './Figures.ts'
import { Media } from './Media.ts'
import { News } from './News.ts'
import { PreviewLinks } from '../preview/links.ts'
import { PublishTargets } from './PublishTargets.ts'
import { Regions } from './Regions.ts'
import { Resolutions } from './Resolutions.ts'
import { Topics } from './Topics.ts'
import { Users } from './Users.ts'

const previewPanelField = (): Field => ({ name: 'previewPanel', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/PreviewPanel#PreviewPanel' } } })

const publicDocument = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  // The list view reads only the columns it shows (an experimental Payload option): a page of news read
  // every document's body as well, and 栏目监测 finds each column's newest publication by index.
  admin: { ...c.admin, enableListViewSelectAPI: true },
  indexes: [...(c.indexes ?? []), { fields: ['_status', 'firstPublishedAt'] }],
  fields: [...c.fields, previewPanelField(), firstPublishedField(), contentChecksField()],
  hooks: {
    ...c.hooks,
    beforeOperation: [...(c.hooks?.beforeOperation ?? []), refuseForgedPublishDate],
    beforeChange: [...(c.hooks?.beforeChange ?? []), checkContent, stampFirstPublished],
  },
})

const audited = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  hooks: { ...c.hooks, afterChange: [...(c.hooks?.afterChange ?? []), auditChange], afterDelete: [...(c.hooks?.afterDelete ?? []), auditDelete] },
})

/** Bad input is refused before anything is written, the same way for every collection (hooks/guardWrite.ts). */
const guarded = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  hooks: { ...c.hooks, beforeOperation: [guardRequest, ...(c.hooks?.beforeOperation ?? [])], beforeValidate: [guardRowIds, ...(c.hooks?.beforeValidate ?? [])] },
})

const guardedGlobal = (g: GlobalConfig): GlobalConfig => ({
  ...g,
  hooks: { ...g.hooks, beforeOperation: [guardGlobalRequest, ...(g.hooks?.beforeOperation ?? [])], beforeValidate: [guardGlobalRowIds, ...(g.hooks?.beforeValidate ?? [])] },
})

const auditGlobal: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (!context.seed) await recordAudit(req, { action: 'update', collection: global.slug, docTitle: typeof global.label === 'object' ? (global.label as Record<string, string>).zh : String(global.label ?? global.slug) })
  return doc
}

export const collections: CollectionConfig[] = [
  ...[Resolutions, Bulletins, News, Figures].map(publicDocument),
  BulletinSeries,
  Regions,
  Topics,
  Media,
  Users,
  ContentRules,
  PreviewLinks,
  PublishTargets,
].map(audited).concat(AuditLog).map(guarded)

export const globals: GlobalConfig[] = [SearchSettings, SiteSettings].map((g) => guardedGlobal({ ...g, hooks: { ...g.hooks, afterChange: [...(g.hooks?.afterChange ?? []), auditGlobal] } }))
