/**
 * The exact draft preview: the latest draft of a document (autosaves included) rendered by the same page
 * renderer as the public site, in the live release's context (its lists, series, 镇街 and relations),
 * with the draft standing in for the published version. Nothing is written: no release, no search
 * index, no feed or sitemap ever sees a draft. The page's own assets are served by the CMS under
 * /preview/assets/<renderer>/, so a preview needs nothing from the public site.
 */
import type { Field, SanitizedConfig } from 'payload'

import { siteOrigin } from '../cms/lib/deployment.ts'
import { fieldLabel } from '../cms/lib/fieldLabel.ts'
import { getCms } from '../cms/lib/getCms.ts'
import { markdownToRichText } from '../cms/lib/richText.ts'
import { eachField } from '../cms/lib/walkFields.ts'
import { isPreviewable, type Previewable } from '../cms/preview/kinds.ts'
import { DEPTH, entryOf, type Slug } from '../site/lib/load.ts'
import { chineseDate } from '../site/lib/dates.ts'
import { escapeHtml } from '../site/lib/html.ts'
import { routeTable } from '../site/lib/routes.ts'
import { url } from '../site/lib/site.ts'
import type { BulletinEntry, FigureEntry, NewsEntry, ResolutionEntry, SeriesEntry } from '../site/lib/types.ts'
import { liveRelease, releaseSnapshot } from './release.ts'
import { loadRenderer } from './renderer.ts'
import { emptySnapshot, siteData, type Snapshot } from './snapshot.ts'

export type PreviewResult = { ok: true; html: string; path: string } | { ok: false; status: number; message: string }

const pathOf: Record<Previewable, (entry: never) => string> = {
  news: (e: NewsEntry) => url.news(e),
  resolutions: (e: ResolutionEntry) => url.resolution(e),
  bulletins: (e: BulletinEntry) => url.bulletin(e),
  figures: (e: FigureEntry) => url.figure(e),
}

// The live snapshot is parsed once per release (tens of MB at 10,000 documents), not once per preview.
let cached: { id: string; snapshot: Snapshot } | null = null
const currentSnapshot = async (): Promise<Snapshot> => {
  const id = await liveRelease()
  if (!id) return emptySnapshot()
  if (cached?.id !== id) cached = { id, snapshot: (await releaseSnapshot(id)) ?? emptySnapshot() }
  return cached.snapshot
}

/**
 * What a draft's empty required fields are given so that it renders (Payload saves drafts unchecked): text
 * that says 待填写, and a day and a number no document has, which the page then shows as 待填写 too.
 */
const GAP = '（待填写）'
const GAP_DAY = '1000-01-01'
const GAP_NUMBER = 100000007
const gapValue = async (field: Field): Promise<unknown> => {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'select':
      return GAP
    case 'date':
      return `${GAP_DAY}T04:00:00.000Z`
    case 'number':
      return GAP_NUMBER
    case 'richText':
      return markdownToRichText(GAP)
    case 'relationship':
      return { id: 0, slug: 'gap', name: GAP, title: GAP }
    default:
      return undefined
  }
}
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/** Fills the empty required fields of `doc` (in place); returns their labels. */
const fillGaps = async (fields: Field[], config: SanitizedConfig, doc: Record<string, unknown>): Promise<string[]> => {
  const gaps: { field: Field; parent: Record<string, unknown> }[] = []
  eachField(fields, config, doc, ({ field, value, parent }) => {
    if ('required' in field && field.required && isEmpty(value)) gaps.push({ field, parent })
  })
  const filled: string[] = []
  for (const { field, parent } of gaps) {
    const value = await gapValue(field)
    if (value === undefined || !('name' in field)) continue
    parent[field.name] = value
    filled.push(fieldLabel(field))
  }
  return filled
}
/** The page as rendered from a filled draft, its placeholders shown as 待填写. */
const showGaps = (html: string) => html.replaceAll(chineseDate(GAP_DAY), GAP).replaceAll(String(GAP_NUMBER), GAP)

/** Marks the page as a preview and points its assets and pictures at the CMS. */
const asPreview = (html: string, rendererKey: string, live: boolean, gaps: string[]) =>
  showGaps(html)
    .replace(/(href|src|srcset)="\/_astro\//g, `$1="/preview/assets/${rendererKey}/_astro/`)
    .replace(/(href|src)="\/(favicon[^"]*|[^"/]+\.(?:css|js|svg|png|ico|webmanifest))"/g, `$1="/preview/assets/${rendererKey}/$2"`)
    .replace(/\/media\//g, '/api/media/file/')
    // Links to the rest of the site lead to the public site.
    .replace(/href="\/(?!preview\/|api\/)/g, `href="${siteOrigin()}/`)
    .replace(/<head>/, '<head><meta name="robots" content="noindex, nofollow, noarchive">')
    .replace(
      /<body([^>]*)>/,
      `<body$1><div role="note" style="position:sticky;top:0;z-index:100;background:#8a1c1c;color:#fff;padding:.5em 1em;font-size:1rem;text-align:center">草稿预览 · 尚未发布 · 公众看不到此页面${gaps.length ? `<br>待填写：${gaps.map(escapeHtml).join('、')}` : ''}</div>${live ? '<script src="/preview/live.js"></script>' : ''}`,
    )

export const renderPreview = async (collection: string, id: string, options: { live?: boolean } = {}): Promise<PreviewResult> => {
  if (!isPreviewable(collection)) return { ok: false, status: 404, message: '这类内容没有公开页面，无法预览。' }
  const payload = await getCms()
  const doc = await payload.findByID({ collection, id, draft: true, depth: DEPTH[collection], overrideAccess: true, disableErrors: true })
  if (!doc) return { ok: false, status: 404, message: '没有找到这份稿件（可能已被删除）。' }
  // An unfinished draft previews with its gaps marked, rather than not at all.
  const gaps = await fillGaps(payload.collections[collection].config.fields, payload.config, doc as unknown as Record<string, unknown>)
  let entry: unknown
  try {
    entry = entryOf(collection as Slug, doc)
  } catch (error) {
    return { ok: false, status: 422, message: `稿件还不完整，无法生成页面：${error instanceof Error ? error.message : String(error)}` }
  }
  if (!entry) return { ok: false, status: 422, message: '稿件还不完整（简报需要先选择刊物），无法生成页面。' }
  const snapshot = await currentSnapshot()
  // The draft replaces its published version (if any) in a copy of the live release's content; a
  // bulletin's series the site does not list yet (new, or not chosen: 待填写) is listed for it.
  const docs = { ...snapshot.docs, [collection]: { ...snapshot.docs[collection], [id]: { updatedAt: '', refs: [], entry } } }
  const series = collection === 'bulletins' ? (entry as BulletinEntry).series : null
  if (series && !Object.values(docs['bulletin-series']).some((s) => (s.entry as SeriesEntry | null)?.slug === series.slug)) {
    docs['bulletin-series'] = { ...docs['bulletin-series'], [`preview-${series.slug}`]: { updatedAt: '', refs: [], entry: series } }
  }
  const routes = routeTable(siteData({ ...snapshot, docs }))
  const path = pathOf[collection](entry as never)
  if (!routes.has(path)) return { ok: false, status: 422, message: '稿件还不完整，无法生成页面。' }
  const renderer = await loadRenderer()
  const response = await renderer.render(path, routes)
  if (!response.ok) return { ok: false, status: 500, message: `页面生成失败（${String(response.status)}）。` }
  return { ok: true, html: asPreview(await response.text(), renderer.key, options.live ?? false, gaps), path }
}
