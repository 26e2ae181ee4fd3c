/**
 * Reads the published content out of the CMS through Payload's Local API (no server needed) and turns it
 * into plain records for Astro's content layer. Access is checked as an anonymous reader
 * (`overrideAccess: false`, no user), so only published documents can ever reach the site.
 */
import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { Payload } from 'payload'

import { getCms } from '../../cms/lib/getCms.ts'
import { lexicalToPlainText } from '../../cms/lib/markdown.ts'
import { synonymGroups } from '../../cms/lib/synonyms.ts'
import { mediaDir, rootDir } from '../../cms/lib/paths.ts'
import type { Bulletin, BulletinSery, Figure, Media, News, Region, Resolution } from '../../cms/payload-types.ts'
import { beijingDay } from './dates.ts'
import type {
  BulletinEntry,
  FigureEntry,
  ImageRef,
  NewsEntry,
  RegionEntry,
  RegionRef,
  ResolutionEntry,
  SeriesEntry,
} from './types.ts'

/** Where the loader puts the originals of images it uses, for Astro's image pipeline. */
export const imageDir = path.join(rootDir, 'site', 'assets', 'cms')

let cms: Promise<Payload> | undefined
const payload = () => (cms ??= getCms())

type Slug = 'resolutions' | 'bulletins' | 'bulletin-series' | 'news' | 'figures' | 'regions'

const KIND: Record<Slug, string> = { resolutions: '政策文件', bulletins: '简报', 'bulletin-series': '刊物', news: '工作动态', figures: '文明典型', regions: '镇街' }
const LABEL: Record<Slug, 'title' | 'name'> = { resolutions: 'title', bulletins: 'title', 'bulletin-series': 'name', news: 'title', figures: 'name', regions: 'name' }

/** Every published document of a collection, as an anonymous reader sees it. */
const published = async <T>(collection: Slug, depth = 1): Promise<T[]> => {
  const p = await payload()
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const query = { collection, depth, limit: 500, page, overrideAccess: false, draft: false, sort: 'id' } as const
    const result = await p.find(query).catch(async (error: unknown) => {
      throw await brokenDocument(p, query, error)
    })
    docs.push(...(result.docs as T[]))
    if (!result.hasNextPage) return docs
  }
}

/**
 * When a page of documents cannot be read (a damaged row), finds the document to blame by reading them
 * one at a time, so the failure on the dashboard names what to fix.
 */
const brokenDocument = async (p: Payload, query: { collection: Slug; depth: number; limit: number; page: number }, error: unknown): Promise<Error> => {
  const label = LABEL[query.collection]
  const { docs } = await p.find({ ...query, depth: 0, overrideAccess: false, draft: false, sort: 'id', select: { [label]: true } })
  for (const doc of docs as { id: number | string; title?: string; name?: string }[]) {
    try {
      await p.findByID({ collection: query.collection, id: doc.id, depth: query.depth, overrideAccess: false, draft: false })
    } catch (cause) {
      return documentError(KIND[query.collection], doc, cause)
    }
  }
  return error instanceof Error ? error : new Error(String(error))
}

const documentError = (kind: string, doc: { id: number | string; title?: string | null; name?: string | null }, cause: unknown) =>
  new Error(`${kind}《${doc.title ?? doc.name ?? ''}》（ID ${String(doc.id)}）无法生成页面：${cause instanceof Error ? cause.message : String(cause)}`, { cause })

const html = (state: unknown): string =>
  state && typeof state === 'object' && 'root' in state
    ? convertLexicalToHTML({ data: state as Parameters<typeof convertLexicalToHTML>[0]['data'], disableContainer: true, disableIndent: true, disableTextAlign: true })
    : ''

const regionRef = (region: unknown): RegionRef | null =>
  region && typeof region === 'object' && 'slug' in region ? { slug: String((region as Region).slug), name: (region as Region).name } : null

const day = (iso: string | null | undefined): string | null => (iso ? beijingDay(iso) : null)

const copied = new Set<string>()
/** Copies an image's original next to the site sources so Astro's image service can process it. */
const image = async (media: unknown): Promise<ImageRef | null> => {
  if (!media || typeof media !== 'object') return null
  const m = media as Media
  if (!m.filename || !m.width || !m.height || !m.mimeType?.startsWith('image/')) return null
  if (!copied.has(m.filename)) {
    await mkdir(imageDir, { recursive: true })
    await copyFile(path.join(mediaDir, m.filename), path.join(imageDir, m.filename))
    copied.add(m.filename)
  }
  return { file: m.filename, alt: m.alt, width: m.width, height: m.height }
}

/**
 * Turns each document into its entry; when one cannot be turned (bad data in the database), the error
 * names that document, so the build failure shown on the dashboard says which one to fix.
 */
const entries = <D extends { id: number | string; title?: string | null; name?: string | null }, R>(
  collection: Slug,
  docs: D[],
  fn: (doc: D) => R | Promise<R>,
): Promise<Awaited<R>[]> =>
  Promise.all(
    docs.map(async (doc) => {
      try {
        return await fn(doc)
      } catch (error) {
        throw documentError(KIND[collection], doc, error)
      }
    }),
  )

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

export const loadRegions = async (): Promise<(RegionEntry & { id: string })[]> =>
  (await published<Region>('regions', 0)).map((r) => ({
    id: String(r.slug),
    slug: String(r.slug),
    name: r.name,
    kind: r.kind,
    district: r.district ?? '',
  }))

export const loadSeries = async (): Promise<(SeriesEntry & { id: string })[]> =>
  (await published<BulletinSery>('bulletin-series', 0)).map((s) => ({ id: String(s.slug), ...series(s) }))

export const loadResolutions = async (): Promise<(ResolutionEntry & { id: string })[]> =>
  entries('resolutions', await published<Resolution>('resolutions'), (r) => {
    const adoptedAt = day(r.adoptedAt)
    const date = adoptedAt ?? day(r.publishedAt) ?? beijingDay(r.createdAt)
    return {
      id: String(r.slug),
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
      html: html(r.body),
      text: lexicalToPlainText(r.body),
      date,
      year: Number(date.slice(0, 4)),
      updatedAt: r.updatedAt,
    }
  })

export const loadBulletins = async (): Promise<(BulletinEntry & { id: string })[]> =>
  (await entries('bulletins', await published<Bulletin>('bulletins', 2), (b) => {
    if (!b.series || typeof b.series !== 'object') return []
    const s = series(b.series)
    const date = beijingDay(b.date)
    const key = `${s.slug}/${String(b.issueNumber)}`
    return [
      {
        id: key,
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
            text: lexicalToPlainText(item.body),
          })),
        })),
        signoff: { editor: b.signoff?.editor ?? null, reviewer: b.signoff?.reviewer ?? null, signer: b.signoff?.signer ?? null },
        distribution: {
          reportTo: b.distribution?.reportTo ?? null,
          sendTo: b.distribution?.sendTo ?? null,
          issueTo: b.distribution?.issueTo ?? null,
        },
        updatedAt: b.updatedAt,
      },
    ]
  })).flat()

export const loadNews = async (): Promise<(NewsEntry & { id: string })[]> =>
  entries('news', await published<News>('news', 2), async (n) => {
    const source = n.sourceBulletin && typeof n.sourceBulletin === 'object' ? n.sourceBulletin : null
    const sourceSeries = source?.series && typeof source.series === 'object' ? source.series : null
    return {
      id: String(n.slug),
      slug: String(n.slug),
      title: n.title,
      subtitle: n.subtitle ?? null,
      date: day(n.date),
      category: n.category ?? null,
      region: regionRef(n.region),
      authors: n.authors ?? null,
      summary: n.summary ?? null,
      html: html(n.body),
      text: lexicalToPlainText(n.body),
      cover: await image(n.cover),
      keyFigures: (n.keyFigures ?? []).map((k) => ({ value: k.value, unit: k.unit ?? null, label: k.label })),
      sourceBulletin:
        source && sourceSeries ? { key: `${String(sourceSeries.slug)}/${String(source.issueNumber)}`, title: source.title ?? '' } : null,
      updatedAt: n.updatedAt,
      createdAt: n.createdAt,
    }
  })

export const loadFigures = async (): Promise<(FigureEntry & { id: string })[]> =>
  entries('figures', await published<Figure>('figures'), async (f) => ({
    id: String(f.slug),
    slug: String(f.slug),
    name: f.name,
    kind: f.kind,
    category: f.category,
    region: regionRef(f.region),
    summary: f.summary,
    html: html(f.story),
    honors: (f.honors ?? []).map((h) => ({ title: h.title, level: h.level ?? null, year: h.year ?? null })),
    portrait: await image(f.portrait),
    updatedAt: f.updatedAt,
  }))

/** The synonym groups editors keep in 搜索设置, applied when the search index is built. */
export const loadSynonyms = async (): Promise<{ id: string; words: string[] }[]> => {
  const p = await payload()
  const settings = await p.findGlobal({ slug: 'search-settings', overrideAccess: false })
  return synonymGroups(settings.synonyms).map((g, i) => ({ id: String(i), words: g.words }))
}
