/** Typed access to the site's collections, URL builders and the fixed vocabularies' URL slugs. */
import { getCollection } from 'astro:content'

import type { BulletinEntry, FigureEntry, NewsEntry, RegionEntry, ResolutionEntry, SeriesEntry } from './types.ts'

export const SITE_NAME = '门头沟区文明创建'
export const SITE_DESCRIPTION = '门头沟区创建全国文明城区的工作动态、简报快报、政策文件和文明典型。'

const data = async <T>(name: 'regions' | 'series' | 'resolutions' | 'bulletins' | 'news' | 'figures'): Promise<T[]> =>
  (await getCollection(name)).map((entry) => entry.data as T)

const byDateDesc = <T extends { date: string | null }>(a: T, b: T) => (b.date ?? '').localeCompare(a.date ?? '')

/**
 * Each collection is read and sorted once per build, not once per page: every page asks for the lists
 * (navigation, filters, home), and at tens of thousands of documents re-reading them per page made the
 * build quadratic.
 */
const once = <T>(load: () => Promise<T>) => {
  let cached: Promise<T> | undefined
  return () => (cached ??= load())
}

export const regions = once(async () => (await data<RegionEntry>('regions')).sort((a, b) => a.kind.localeCompare(b.kind) || a.slug.localeCompare(b.slug)))
export const allSeries = once(async () => (await data<SeriesEntry>('series')).sort((a, b) => a.name.localeCompare(b.name)))
export const resolutions = once(async () => (await data<ResolutionEntry>('resolutions')).sort(byDateDesc))
export const bulletins = once(async () =>
  (await data<BulletinEntry>('bulletins')).sort((a, b) => byDateDesc(a, b) || b.issueNumber - a.issueNumber),
)
export const news = once(async () => (await data<NewsEntry>('news')).sort((a, b) => byDateDesc(a, b) || b.createdAt.localeCompare(a.createdAt)))
export const figures = once(async () => (await data<FigureEntry>('figures')).sort((a, b) => a.name.localeCompare(b.name, 'zh')))

/** URL slugs of the fixed vocabularies (URLs stay latin and readable). */
export const NEWS_CATEGORIES: Record<string, string> = {
  文明培育: 'peiyu',
  文明实践: 'shijian',
  综合整治: 'zhengzhi',
  我为群众办实事: 'banshishi',
  指挥调度: 'diaodu',
  检查督导: 'dudao',
  专题报道: 'zhuanti',
  其他: 'qita',
}
export const DOC_TYPES: Record<string, string> = {
  决议: 'jueyi',
  决定: 'jueding',
  行动计划: 'xingdong-jihua',
  实施方案: 'shishi-fangan',
  通知: 'tongzhi',
  其他: 'qita',
}

export const url = {
  news: (n: { slug: string }) => `/news/${n.slug}/`,
  newsCategory: (category: string) => `/news/category/${NEWS_CATEGORIES[category] ?? 'qita'}/`,
  resolution: (r: { slug: string }) => `/resolutions/${r.slug}/`,
  resolutionType: (docType: string) => `/resolutions/type/${DOC_TYPES[docType] ?? 'qita'}/`,
  resolutionYear: (year: number) => `/resolutions/year/${String(year)}/`,
  series: (s: { slug: string }) => `/bulletins/${s.slug}/`,
  bulletin: (b: { key: string }) => `/bulletins/${b.key}/`,
  figure: (f: { slug: string }) => `/figures/${f.slug}/`,
  region: (r: { slug: string }) => `/regions/${r.slug}/`,
}

/** `第673期（总第2202期）`. */
export const issueLabel = (b: { issueNumber: number; totalIssueNumber: number | null }) =>
  `第${String(b.issueNumber)}期${b.totalIssueNumber ? `（总第${String(b.totalIssueNumber)}期）` : ''}`

/** A short plain-text excerpt. */
export const excerpt = (text: string | null | undefined, length = 90) => {
  const clean = (text ?? '').replace(/\s+/g, '')
  return clean.length > length ? `${clean.slice(0, length)}…` : clean
}

export const PAGE_SIZE = 30

/** The slice of a list shown on page `page` (1-based), and the number of pages. */
export const pageOf = <T>(items: T[], page: number, size = PAGE_SIZE) => ({
  items: items.slice((page - 1) * size, page * size),
  pages: Math.max(1, Math.ceil(items.length / size)),
})

/** Page numbers 2..n of a list, for getStaticPaths of its `/p/<n>/` pages. */
export const laterPages = (count: number, size = PAGE_SIZE) =>
  Array.from({ length: Math.max(0, Math.ceil(count / size) - 1) }, (_, i) => i + 2)

/** Paths of a filtered list: `<base>` is page 1, `<base>/p/<n>` the later pages; each gets `props` and its page. */
export const pagedPaths = <P extends object>(base: string, count: number, props: P) => [
  { params: { path: base }, props: { ...props, page: 1 } },
  ...laterPages(count).map((page) => ({ params: { path: `${base}/p/${String(page)}` }, props: { ...props, page } })),
]

/** The categories and 镇街 that have news, for the filter rows (computed once, not per list page). */
export const newsFacets = once(async () => {
  const [all, allRegions] = await Promise.all([news(), regions()])
  return {
    categories: Object.keys(NEWS_CATEGORIES).filter((c) => all.some((n) => n.category === c)),
    regions: allRegions.filter((r) => all.some((n) => n.region?.slug === r.slug)),
  }
})

/** The document types and years that have resolutions, for the filter rows (computed once). */
export const resolutionFacets = once(async () => {
  const all = await resolutions()
  return {
    types: Object.keys(DOC_TYPES).filter((t) => all.some((r) => r.docType === t)),
    years: [...new Set(all.map((r) => r.year))].sort((a, b) => b - a),
  }
})
