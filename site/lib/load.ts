/**
 * Reads the published content out of the CMS through Payload's Local API (no server needed) and turns it
 * into plain records the site's pages render (site/lib/routes.ts). Access is checked as an anonymous
 * reader (`overrideAccess: false`, no user), so only published documents can ever reach the site.
 * Documents are read by id (the publisher reloads only what changed, publisher/snapshot.ts); each entry
 * names the documents it embeds (`refs`), so a change to a 镇街 or a series reloads the entries showing it.
 */

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { Payload } from 'payload'

import { getCms } from '../../cms/lib/getCms.ts'
import { richTextToPlainText } from '../../cms/lib/richText.ts'
import { synonymGroups } from '../../cms/lib/synonyms.ts'
import type { Bulletin, BulletinSery, Figure, Media, News, Region, Resolution, Topic } from '../../cms/payload-types.ts'
import { beijingDay } from './dates.ts'
import { UNNAMED_SITE } from './site.ts'
import type { BulletinEntry, FigureEntry, GongwenParts, ImageRef, Links, NewsEntry, RegionEntry, RegionRef, ResolutionEntry, SeriesEntry, SiteIdentity, TopicEntry } from './types.ts'

let cms: Promise<Payload> | undefined
const payload = () => (cms ??= getCms())

export type Slug = 'resolutions' | 'bulletins' | 'bulletin-series' | 'news' | 'figures' | 'regions' | 'topics'

const KIND: Record<Slug, string> = {
  resolutions: '政策文件',
  bulletins: '简报',
  'bulletin-series': '刊物',
  news: '工作动态',
  figures: '文明典型',
  regions: '镇街',
  topics: '专题',
}
const LABEL: Record<Slug, 'title' | 'name'> = {
  resolutions: 'title',
  bulletins: 'title',
  'bulletin-series': 'name',
  news: 'title',
  figures: 'name',
  regions: 'name',
  topics: 'name',
}

type Scanned = Slug | 'media'

/** Whether a collection keeps drafts (its documents are public once published). */
const keepsDrafts = async (collection: Scanned) => Boolean((await payload()).collections[collection].config.versions?.drafts)

/** Ids from `from` (included) to `below` (excluded), in the database's order (`byIdOrder`); either end may be open. */
export interface IdRange {
  from?: string
  below?: string
}
/** An id as the database holds it: SQLite's are integers, MongoDB's ObjectIds are strings. */
const idValue = (id: string) => (/^\d+$/.test(id) ? Number(id) : id)
/** The database's order of ids: numeric ids by value, others (ObjectIds) by their characters. */
export const byIdOrder = (a: string, b: string) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0)
export const inIdRange = (id: string, { from, below }: IdRange) => (from === undefined || byIdOrder(id, from) >= 0) && (below === undefined || byIdOrder(id, below) < 0)

/** What a collection's public part is (with ids in `range`): published documents where it keeps drafts, else all of them. */
const publicWhere = async (collection: Scanned, { from, below }: IdRange = {}) => {
  const parts: object[] = (await keepsDrafts(collection)) ? [{ _status: { equals: 'published' } }] : []
  if (from !== undefined) parts.push({ id: { greater_than_equal: idValue(from) } })
  if (below !== undefined) parts.push({ id: { less_than: idValue(below) } })
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { and: parts }
}

/**
 * Two columns of rows, read by the database adapter (no hooks, no access): a change detector only. Sorted
 * by `updatedAt`, so a scan of what changed lately walks that column's index: with the adapter's default
 * order (`createdAt`) SQLite walked the whole table in that order instead (227 ms at 50,000 news items,
 * against 1 ms).
 */
const idsAndTimes = async (collection: Scanned, where: object) => {
  const drafts = await keepsDrafts(collection)
  const { docs } = await (await payload()).db.find<{ id: number | string; updatedAt: string; _status?: string }>({
    collection,
    where: where as never,
    sort: 'updatedAt',
    select: (drafts ? { updatedAt: true, _status: true } : { updatedAt: true }) as never,
    pagination: false,
    limit: 0,
  })
  return docs
}

/**
 * Ids and `updatedAt` of every public document of a collection (published, where it keeps drafts). Only
 * tells the publisher what changed: the documents themselves are read as an anonymous reader
 * (`loadDocuments`), so what access refuses never reaches the site.
 */
export const scanPublished = async (collection: Scanned, range: IdRange = {}): Promise<Map<string, string>> =>
  new Map((await idsAndTimes(collection, await publicWhere(collection, range))).map((d) => [String(d.id), d.updatedAt]))

/**
 * Documents changed at or after `since`, public or not (a document unpublished since is `public: false`).
 * A document deleted since is not among them: the caller counts (`countPublished`).
 */
export const scanChanged = async (collection: Scanned, since: string): Promise<Map<string, { updatedAt: string; public: boolean }>> => {
  const drafts = await keepsDrafts(collection)
  const docs = await idsAndTimes(collection, { updatedAt: { greater_than_equal: since } })
  return new Map(docs.map((d) => [String(d.id), { updatedAt: d.updatedAt, public: !drafts || d._status === 'published' }]))
}

/** How many public documents a collection has (with ids in `range`). */
export const countPublished = async (collection: Scanned, range: IdRange = {}): Promise<number> =>
  (await (await payload()).db.count({ collection, where: (await publicWhere(collection, range)) as never })).totalDocs

export interface Loaded {
  id: string
  updatedAt: string
  /** `<collection>:<id>` of every document this entry embeds. */
  refs: string[]
  /** The site's record; null when the document has no page (a bulletin without its series). */
  entry: unknown
}
export interface LoadFailure {
  collection: Slug
  id: string
  message: string
}

/**
 * Reads the given published documents and turns them into entries. A document that cannot be read or
 * turned (bad data in the database) is reported by name and does not stop the others.
 */
export const loadDocuments = async (collection: Slug, ids: string[]): Promise<{ loaded: Loaded[]; failures: LoadFailure[] }> => {
  const p = await payload()
  const loaded: Loaded[] = []
  const failures: LoadFailure[] = []
  const convert = async (doc: RawDoc) => {
    try {
      loaded.push({ id: String(doc.id), updatedAt: doc.updatedAt, refs: refsOf(collection, doc), entry: await CONVERT[collection](doc as never) })
    } catch (error) {
      failures.push({ collection, id: String(doc.id), message: documentError(KIND[collection], doc, error).message })
    }
  }
  const read = (batch: string[]) =>
    p.find({ collection, depth: DEPTH[collection], where: { id: { in: batch } }, pagination: false, overrideAccess: false, draft: false })
  for (let i = 0; i < ids.length; i += 250) {
    const batch = ids.slice(i, i + 250)
    const docs = await read(batch).then(
      (r) => r.docs as RawDoc[],
      () => null,
    )
    if (docs) {
      for (const doc of docs) await convert(doc)
      continue
    }
    // A damaged row fails the whole batch: read one at a time to name it.
    for (const id of batch) {
      const one = await read([id]).then(
        (r) => r.docs as RawDoc[],
        async (error: unknown) => {
          const label = await p
            .find({ collection, where: { id: { equals: id } }, depth: 0, overrideAccess: false, draft: false, select: { [LABEL[collection]]: true } })
            .then((r) => (r.docs[0] as RawDoc | undefined) ?? { id, updatedAt: '' })
            .catch(() => ({ id, updatedAt: '' }))
          failures.push({ collection, id, message: documentError(KIND[collection], label, error).message })
          return []
        },
      )
      for (const doc of one) await convert(doc)
    }
  }
  return { loaded, failures }
}

type RawDoc = { id: number | string; updatedAt: string; title?: string | null; name?: string | null }
export const DEPTH: Record<Slug, number> = { resolutions: 1, bulletins: 2, 'bulletin-series': 0, news: 2, figures: 1, regions: 0, topics: 0 }

/** The related documents an entry embeds, found in the populated document (objects with an id). */
const REF_FIELDS: Record<Slug, [string, Slug | 'media'][]> = {
  resolutions: [['region', 'regions']],
  bulletins: [
    ['series', 'bulletin-series'],
    ['region', 'regions'],
  ],
  news: [
    ['region', 'regions'],
    ['cover', 'media'],
    ['sourceBulletin', 'bulletins'],
  ],
  figures: [
    ['region', 'regions'],
    ['portrait', 'media'],
  ],
  regions: [],
  'bulletin-series': [],
  topics: [],
}
const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : null)
const refsOf = (collection: Slug, doc: RawDoc): string[] => {
  const refs = new Set<string>()
  const d = doc as unknown as Record<string, unknown>
  for (const [field, target] of REF_FIELDS[collection]) {
    const id = idOf(d[field])
    if (id) refs.add(`${target}:${id}`)
  }
  // Nested: a bulletin's items name 镇街; a news item's source bulletin embeds its series.
  for (const section of (d.sections as { items?: { region?: unknown }[] }[] | undefined) ?? []) {
    for (const item of section.items ?? []) {
      const id = idOf(item.region)
      if (id) refs.add(`regions:${id}`)
    }
  }
  const series = idOf((d.sourceBulletin as { series?: unknown } | undefined)?.series)
  if (series) refs.add(`bulletin-series:${series}`)
  return [...refs]
}
const documentError = (kind: string, doc: { id: number | string; title?: string | null; name?: string | null }, cause: unknown) =>
  new Error(`${kind}《${doc.title ?? doc.name ?? ''}》（ID ${String(doc.id)}）无法生成页面：${cause instanceof Error ? cause.message : String(cause)}`, {
    cause,
  })

const html = (state: unknown): string =>
  state && typeof state === 'object' && 'root' in state
    ? convertLexicalToHTML({
        data: state as Parameters<typeof convertLexicalToHTML>[0]['data'],
        disableContainer: true,
        disableIndent: true,
        disableTextAlign: true,
      })
    : ''

const regionRef = (region: unknown): RegionRef | null =>
  region && typeof region === 'object' && 'slug' in region ? { slug: String((region as Region).slug), name: (region as Region).name } : null

const day = (iso: string | null | undefined): string | null => (iso ? beijingDay(iso) : null)

/**
 * An image as the site shows it: the original plus the WebP sizes Payload made on upload (sharp), all
 * under /media/ in the release (the publisher copies the files there).
 */
const image = (media: unknown): ImageRef | null => {
  if (!media || typeof media !== 'object') return null
  const m = media as Media
  if (!m.filename || !m.width || !m.height || !m.mimeType?.startsWith('image/')) return null
  const sources = Object.values(m.sizes ?? {})
    .filter((s): s is { filename: string; width: number } => Boolean(s?.filename && s.width))
    .sort((a, b) => a.width - b.width)
    .map((s) => ({ src: `/media/${s.filename}`, width: s.width }))
  return { src: `/media/${m.filename}`, alt: m.alt, width: m.width, height: m.height, sources }
}

const series = (s: BulletinSery): SeriesEntry => ({
  slug: String(s.slug),
  name: s.name,
  kind: s.kind ?? '其他',
  issuer: s.issuer,
  phone: s.phone ?? null,
  fax: s.fax ?? null,
  email: s.email ?? null,
  description: s.description ?? null,
})

/** Topic and policy ids as stored (the fields keep ids: maxDepth 0); the route table resolves them. */
const refId = (value: unknown): string | null => (value === null || value === undefined ? null : (idOf(value) ?? String(value)))
const idList = (value: unknown): string[] => (Array.isArray(value) ? value : []).flatMap((v: unknown) => refId(v) ?? [])
const links = (doc: { topics?: unknown; policies?: unknown; firstPublishedAt?: string | null }): Links & { firstPublishedAt: string | null } => ({
  topics: idList(doc.topics),
  policies: idList(doc.policies),
  firstPublishedAt: doc.firstPublishedAt ?? null,
})

const toTopic = (t: Topic): TopicEntry => ({ id: String(t.id), slug: String(t.slug), name: t.name, description: t.description ?? null })

const toRegion = (r: Region): RegionEntry => ({ slug: String(r.slug), name: r.name, kind: r.kind, district: r.district ?? '' })

/** A 原文照登 document's note for the page (cms/fields/verbatim.ts). */
const verbatimNote = (doc: { verbatim?: boolean | null; verbatimNote?: string | null }) => (doc.verbatim && doc.verbatimNote?.trim()) || null

const text = (value: string | null | undefined) => value?.trim() || null
/** The printed parts of a 公文 (the office's own marks, 份号 to 签发人, are not read: anonymous readers never receive them). */
const gongwenParts = (g: Resolution['gongwen']): GongwenParts | null => {
  const parts: GongwenParts = {
    mainRecipients: text(g?.mainRecipients),
    attachmentNotes: (g?.attachmentNotes ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
    signatory: text(g?.signatory),
    note: text(g?.note),
    copyTo: text(g?.copyTo),
    printedBy: text(g?.printedBy),
    printedAt: day(g?.printedAt),
  }
  return Object.values(parts).some((v) => (Array.isArray(v) ? v.length : v)) ? parts : null
}

const toResolution = (r: Resolution): ResolutionEntry => {
  const adoptedAt = day(r.adoptedAt)
  const date = adoptedAt ?? day(r.publishedAt) ?? beijingDay(r.createdAt)
  return {
    id: String(r.id),
    ...links(r),
    slug: String(r.slug),
    title: r.title,
    docType: r.docType,
    docNumber: r.docNumber ?? null,
    issuer: r.issuer ?? null,
    meeting: r.meeting ?? null,
    adoptedAt,
    publishedAt: r.publishedAt ?? null,
    validity: r.validity ?? '现行有效',
    period: r.period ?? null,
    sourceCategory: r.sourceCategory ?? null,
    region: regionRef(r.region),
    summary: r.summary ?? null,
    verbatimNote: verbatimNote(r),
    gongwen: gongwenParts(r.gongwen),
    html: html(r.body),
    text: richTextToPlainText(r.body),
    date,
    year: Number(date.slice(0, 4)),
    updatedAt: r.updatedAt,
  }
}

const toBulletin = (b: Bulletin): BulletinEntry | null => {
  if (!b.series || typeof b.series !== 'object') return null
  const s = series(b.series)
  const date = beijingDay(b.date)
  const key = `${s.slug}/${String(b.issueNumber)}`
  return {
    ...links(b),
    key,
    title: b.title ?? `${s.name} 第${String(b.issueNumber)}期`,
    series: s,
    issueNumber: b.issueNumber,
    totalIssueNumber: b.totalIssueNumber ?? null,
    date,
    year: Number(date.slice(0, 4)),
    region: regionRef(b.region),
    sections: (b.sections ?? []).map((section) => ({
      heading: section.heading ?? null,
      items: (section.items ?? []).map((item) => ({
        title: item.title ?? null,
        category: item.category ?? null,
        region: regionRef(item.region),
        source: item.source ?? null,
        html: html(item.body),
        text: richTextToPlainText(item.body),
      })),
    })),
    signoff: { editor: b.signoff?.editor ?? null, reviewer: b.signoff?.reviewer ?? null, signer: b.signoff?.signer ?? null },
    distribution: {
      reportTo: b.distribution?.reportTo ?? null,
      sendTo: b.distribution?.sendTo ?? null,
      issueTo: b.distribution?.issueTo ?? null,
    },
    verbatimNote: verbatimNote(b),
    updatedAt: b.updatedAt,
  }
}

const toNews = (n: News): NewsEntry => {
  const source = n.sourceBulletin && typeof n.sourceBulletin === 'object' ? n.sourceBulletin : null
  const sourceSeries = source?.series && typeof source.series === 'object' ? source.series : null
  return {
    ...links(n),
    slug: String(n.slug),
    title: n.title,
    subtitle: n.subtitle ?? null,
    date: day(n.date),
    category: n.category ?? null,
    region: regionRef(n.region),
    authors: n.authors ?? null,
    summary: n.summary ?? null,
    html: html(n.body),
    text: richTextToPlainText(n.body),
    cover: image(n.cover),
    keyFigures: (n.keyFigures ?? []).map((k) => ({ value: k.value, unit: k.unit ?? null, label: k.label })),
    sourceBulletin: source && sourceSeries ? { key: `${String(sourceSeries.slug)}/${String(source.issueNumber)}`, title: source.title ?? '' } : null,
    interprets: refId(n.interprets),
    updatedAt: n.updatedAt,
    createdAt: n.createdAt,
  }
}

const toFigure = (f: Figure): FigureEntry => ({
  ...links(f),
  slug: String(f.slug),
  name: f.name,
  kind: f.kind,
  category: f.category,
  region: regionRef(f.region),
  summary: f.summary,
  html: html(f.story),
  honors: (f.honors ?? []).map((h) => ({ title: h.title, level: h.level ?? null, year: h.year ?? null })),
  portrait: image(f.portrait),
  updatedAt: f.updatedAt,
})

const CONVERT: Record<Slug, (doc: never) => unknown> = {
  regions: toRegion,
  topics: toTopic,
  'bulletin-series': series,
  resolutions: toResolution,
  bulletins: toBulletin,
  news: toNews,
  figures: toFigure,
}

/** A document as its page shows it, read beforehand by the caller (the draft preview reads the latest draft). */
export const entryOf = (collection: Slug, doc: unknown): unknown => CONVERT[collection](doc as never)

/** 站点设置 as the site shows it (a field left empty is left out of the footer). */
export const loadSiteIdentity = async (): Promise<SiteIdentity> => {
  const p = await payload()
  const s = await p.findGlobal({ slug: 'site-settings', overrideAccess: false })
  const text = (v: string | null | undefined) => v?.trim() || null
  return {
    name: text(s.siteName) ?? UNNAMED_SITE.name,
    tagline: text(s.tagline),
    description: text(s.description),
    sponsor: text(s.sponsor),
    organizer: text(s.organizer),
    phone: text(s.phone),
    email: text(s.email),
    address: text(s.address),
    siteCode: text(s.siteCode),
    icp: text(s.icp),
    psb: text(s.psb),
    psbUrl: text(s.psbUrl),
    conacUrl: text(s.conacUrl),
  }
}

/** The synonym groups editors keep in 搜索设置, applied when the search index is built. */
export const loadSynonyms = async (): Promise<string[][]> => {
  const p = await payload()
  const settings = await p.findGlobal({ slug: 'search-settings', overrideAccess: false })
  return synonymGroups(settings.synonyms).map((g) => g.words)
}
