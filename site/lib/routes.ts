/**
 * The route table: every URL of the public site and the data its page shows, computed from the
 * published content. Pages render only from their route's props (see props.ts), so a page's output is a
 * function of its props: the publisher re-renders exactly the URLs whose props changed, and a URL whose
 * props are gone is removed. Lists carry "cards" (the fields a list shows), not whole documents, so
 * editing a body re-renders the document's page and not every list it is on.
 */
import { perObject, sameItems } from './memo.ts'
import { byChineseName, byCodeUnits } from './order.ts'
import { type ListPage, paged } from './paging.ts'
import { type DocLinks, type SummaryCard, siteRelations, topicUrl } from './relations.ts'
import { DOC_TYPES, bulletinText, filedOn, NEWS_CATEGORIES, numberedTitle, excerpt, url } from './site.ts'
import type { BulletinEntry, FigureEntry, NewsEntry, RegionEntry, ResolutionEntry, SeriesEntry, SiteIdentity, TopicEntry } from './types.ts'

export type { ListPage }

/** The published content the site is built from (the loader's output). */
export interface SiteData {
  regions: RegionEntry[]
  topics: TopicEntry[]
  series: SeriesEntry[]
  resolutions: ResolutionEntry[]
  bulletins: BulletinEntry[]
  news: NewsEntry[]
  figures: FigureEntry[]
  /** Synonym groups of 搜索设置. */
  synonyms: string[][]
  /** 站点设置: every page shows it, so it is part of every route's props (a change re-renders them all). */
  site: SiteIdentity
  /** Ids of the standing MDX pages (content/pages/<id>.mdx). */
  pages: string[]
}

export type NewsCard = Pick<NewsEntry, 'slug' | 'title' | 'category' | 'region' | 'date' | 'summary'>
export type SeriesCard = Pick<SeriesEntry, 'slug' | 'name' | 'kind' | 'issuer'>
export type BulletinCard = Pick<BulletinEntry, 'key' | 'title' | 'issueNumber' | 'totalIssueNumber' | 'date'> & { series: SeriesCard }
export type ResolutionCard = Pick<ResolutionEntry, 'slug' | 'title' | 'docType' | 'docNumber' | 'issuer' | 'date'>
export type FigureCard = Pick<FigureEntry, 'slug' | 'name' | 'kind' | 'category' | 'region' | 'summary' | 'portrait'>
export interface FeedItem {
  title: string
  link: string
  day: string | null
  description: string
}

export interface HomeProps {
  news: NewsCard[]
  bulletins: BulletinCard[]
  figures: FigureCard[]
  resolutions: ResolutionCard[]
  keyFigures: Pick<NewsEntry, 'slug' | 'title' | 'keyFigures'> | null
}
export interface NewsIndexProps extends ListPage<NewsCard> {
  category?: string
  /** A 镇街's page: its feed (every kind of document of the 镇街), when it has any. */
  region?: { slug: string; name: string; feed: string | null }
  facets: { categories: string[]; regions: { slug: string; name: string }[] }
}
export interface ResolutionIndexProps extends ListPage<ResolutionCard> {
  docType?: string
  year?: number
  facets: { types: string[]; years: number[] }
}
export type SeriesPageProps =
  | ({ kind: 'list'; series: SeriesEntry } & ListPage<BulletinCard>)
  | { kind: 'issue'; series: SeriesEntry; bulletin: BulletinEntry; links: DocLinks }
export interface BulletinsIndexProps {
  series: { series: SeriesCard; count: number; latest: BulletinCard[] }[]
}
export interface RegionsIndexProps {
  groups: { district: string; regions: { slug: string; name: string; kind: string; news: number; figures: number }[] }[]
}
export interface TopicsIndexProps {
  topics: { slug: string; name: string; description: string | null; count: number; latest: string | null }[]
}
export interface TopicPageProps extends ListPage<SummaryCard> {
  topic: { slug: string; name: string; description: string | null }
}
export interface FeedProps {
  title: string
  items: FeedItem[]
}

export interface SearchPageProps {
  groups: { name: string; legend: string; values: string[] }[]
  /** The editors' synonym groups (搜索设置): the search page also runs a query in their other words. */
  synonyms: string[][]
}

export interface Route {
  /** The page file that renders the URL (under site/pages/). */
  page: string
  props: unknown
  /** The day of the document the page shows (filedOn), for a document's own page; absent on lists and other pages. */
  date?: string | null
}

const byDateDesc = <T extends { date: string | null }>(a: T, b: T) => byCodeUnits(b.date ?? '', a.date ?? '')

/** The lists in the order the site shows them. */
export const sortSiteData = (data: SiteData): SiteData => ({
  ...data,
  regions: [...data.regions].sort((a, b) => a.kind.localeCompare(b.kind) || a.slug.localeCompare(b.slug)),
  topics: [...data.topics].sort((a, b) => byChineseName(a.name, b.name) || byCodeUnits(a.slug, b.slug)),
  series: [...data.series].sort((a, b) => a.name.localeCompare(b.name)),
  resolutions: [...data.resolutions].sort((a, b) => byDateDesc(a, b) || byCodeUnits(a.slug, b.slug)),
  bulletins: [...data.bulletins].sort((a, b) => byDateDesc(a, b) || b.issueNumber - a.issueNumber || byCodeUnits(a.key, b.key)),
  news: [...data.news].sort((a, b) => byDateDesc(a, b) || byCodeUnits(b.createdAt, a.createdAt) || byCodeUnits(a.slug, b.slug)),
  figures: [...data.figures].sort((a, b) => byChineseName(a.name, b.name) || byCodeUnits(a.slug, b.slug)),
  pages: [...data.pages].sort(),
})

// Cards are kept per entry (memo.ts): an unchanged document's card is the same object at every publish.
const newsCard = perObject((n: NewsEntry): NewsCard => ({ slug: n.slug, title: n.title, category: n.category, region: n.region, date: n.date, summary: n.summary }))
const seriesCard = perObject((s: SeriesCard): SeriesCard => ({ slug: s.slug, name: s.name, kind: s.kind, issuer: s.issuer }))
const bulletinCard = perObject((b: BulletinEntry): BulletinCard => ({
  key: b.key,
  title: b.title,
  issueNumber: b.issueNumber,
  totalIssueNumber: b.totalIssueNumber,
  date: b.date,
  series: seriesCard(b.series),
}))
const resolutionCard = perObject((r: ResolutionEntry): ResolutionCard => ({ slug: r.slug, title: r.title, docType: r.docType, docNumber: r.docNumber, issuer: r.issuer, date: r.date }))
const figureCard = perObject((f: FigureEntry): FigureCard => ({ slug: f.slug, name: f.name, kind: f.kind, category: f.category, region: f.region, summary: f.summary, portrait: f.portrait }))

/** A document's URL, kept per entry: the same string at every publish (the route maps key on it, and a string keeps its hash). */
const paths = {
  news: perObject(url.news),
  resolution: perObject(url.resolution),
  bulletin: perObject(url.bulletin),
  figure: perObject(url.figure),
}

const FEED_SIZE = 50
const SITEMAP_PART = 40_000
const SITEMAP_PAGE = 'sitemaps/[...part].ts'
const FEED_PAGE = 'rss/[...feed].ts'

/** `items` grouped by a key, each group in the items' order (items without a key are left out). */
const groupBy = <T, K>(items: T[], keyOf: (item: T) => K | null | undefined) => {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    if (key !== null && key !== undefined) (groups.get(key) ?? groups.set(key, []).get(key)!).push(item)
  }
  return groups
}

/**
 * What the last table was made of, handed on as the same objects while they come out the same: a route
 * whose page and props values are the same objects is the last route itself, and a list page's items the
 * same array while they are the same cards. The publisher keeps a route's hash while it is the same object
 * (publisher/route-hash.ts), so at 100,000 documents a publish does not key again the pages it did not
 * change. Only the last call is kept: any other call (a preview) only makes the next one keep less.
 */
const kept = { routes: new Map<string, Route>(), items: new Map<string, unknown[]>(), small: new Map<string, { json: string; value: unknown }>() }
/** The sitemap part a page goes in, kept per route (an unchanged route is the same object). */
const partNames = new WeakMap<Route, string>()
const partOf = (path: string, route: Route) => {
  let name = partNames.get(route)
  if (name === undefined) partNames.set(route, (name = route.date ? `${path.split('/')[1] ?? 'site'}-${route.date.slice(0, 4)}` : 'pages'))
  return name
}
/** A sitemap part's URLs in order: sorted again only when its URLs (in the table's order) are not the last ones. */
const sortedParts = new Map<string, { unsorted: string[]; sorted: string[] }>()
const sortedPart = (name: string, unsorted: string[]) => {
  const last = sortedParts.get(name)
  if (last && sameItems(last.unsorted, unsorted)) return last.sorted
  const sorted = [...unsorted].sort(byCodeUnits)
  sortedParts.set(name, { unsorted, sorted })
  return sorted
}
const sameRoute = (last: Route, page: string, props: Record<string, unknown>, date: string | null | undefined, site: SiteIdentity) => {
  if (last.page !== page || last.date !== date) return false
  const before = last.props as Record<string, unknown>
  if (before.site !== site) return false
  let count = 0
  for (const name in props) {
    if (before[name] !== props[name]) return false
    count++
  }
  // The last props hold the same values and `site`: the same route when they hold nothing else.
  return Object.keys(before).length === count + 1
}

/** Every URL of the site with its page and props. Keys are URL paths (`/news/<slug>/`, `/rss/news.xml`). */
export const routeTable = (unsorted: SiteData): Map<string, Route> => {
  const data = sortSiteData(unsorted)
  const routes = new Map<string, Route>()
  const add = <P>(path: string, page: string, props: P, date?: string | null) => {
    if (routes.has(path)) throw new Error(`两个页面使用了同一个网址：${path}（${routes.get(path)!.page} 与 ${page}）`)
    const last = kept.routes.get(path)
    if (last && sameRoute(last, page, props as Record<string, unknown>, date, data.site)) return routes.set(path, last)
    const withSite = { ...(props as object), site: data.site }
    routes.set(path, date === undefined ? { page, props: withSite } : { page, props: withSite, date })
  }
  const nextItems = new Map<string, unknown[]>()
  /** A list's items at `path`: the same array as last time while they are the same values. */
  const items = <T>(path: string, list: T[]): T[] => {
    const last = kept.items.get(path) as T[] | undefined
    const same = last && sameItems(last, list) ? last : list
    nextItems.set(path, same)
    return same
  }
  /** A list cut into pages, each page's items the same array as last time while they are the same cards. */
  const pagesOf = <T>(base: string, all: T[]) => paged(base, all).map(([path, list]): [string, ListPage<T>] => [path, { ...list, items: items(path, list.items) }])
  /** A small value (the facets lists show) as the same object while it serialises the same. */
  const small = <T>(name: string, value: T): T => {
    const json = JSON.stringify(value)
    const last = kept.small.get(name)
    if (last?.json === json) return last.value as T
    kept.small.set(name, { json, value })
    return value
  }
  const relations = siteRelations(data)
  const ofRegion = new Map(data.regions.map((r) => [r.slug, relations.region(r.slug)]))
  const regionFeed = (slug: string) => (ofRegion.get(slug)?.length ? `/rss/regions/${slug}.xml` : null)
  const newsCards = data.news.map(newsCard)
  const resolutionCards = data.resolutions.map(resolutionCard)
  const bulletinCards = data.bulletins.map(bulletinCard)

  const withFigures = data.news.find((n) => n.keyFigures.length > 0)
  add<HomeProps>('/', 'index.astro', {
    news: newsCards.slice(0, 6),
    bulletins: bulletinCards.slice(0, 5),
    figures: data.figures.slice(0, 4).map(figureCard),
    resolutions: resolutionCards.slice(0, 4),
    keyFigures: withFigures ? { slug: withFigures.slug, title: withFigures.title, keyFigures: withFigures.keyFigures } : null,
  })

  // 工作动态: all, by category, by 镇街; and each article.
  const newsOfCategory = groupBy(newsCards, (n) => n.category)
  const newsOfRegion = groupBy(newsCards, (n) => n.region?.slug)
  const newsFacets = small('news', {
    categories: Object.keys(NEWS_CATEGORIES).filter((c) => newsOfCategory.has(c)),
    regions: data.regions.filter((r) => newsOfRegion.has(r.slug)).map((r) => ({ slug: r.slug, name: r.name })),
  })
  for (const [path, list] of pagesOf('/news/', newsCards)) add<NewsIndexProps>(path, path === '/news/' ? 'news/index.astro' : 'news/p/[page].astro', { ...list, facets: newsFacets })
  for (const category of newsFacets.categories) {
    for (const [path, list] of pagesOf(url.newsCategory(category), newsOfCategory.get(category)!)) {
      add<NewsIndexProps>(path, 'news/category/[...path].astro', { ...list, category, facets: newsFacets })
    }
  }
  for (const region of data.regions) {
    const ref = small(`region:${region.slug}`, { slug: region.slug, name: region.name, feed: regionFeed(region.slug) })
    for (const [path, list] of pagesOf(url.region(region), newsOfRegion.get(region.slug) ?? [])) {
      add<NewsIndexProps>(path, 'regions/[...path].astro', { ...list, region: ref, facets: newsFacets })
    }
  }
  for (const n of data.news) add(paths.news(n), 'news/[slug].astro', { n, links: relations.news(n) }, filedOn.news(n))

  // 政策文件: all, by type, by year; and each document.
  const resolutionsOfType = groupBy(resolutionCards, (r) => r.docType)
  const resolutionsOfYear = groupBy(data.resolutions, (r) => r.year)
  const resolutionFacets = small('resolutions', {
    types: Object.keys(DOC_TYPES).filter((t) => resolutionsOfType.has(t)),
    years: [...resolutionsOfYear.keys()].sort((a, b) => b - a),
  })
  for (const [path, list] of pagesOf('/resolutions/', resolutionCards)) {
    add<ResolutionIndexProps>(path, path === '/resolutions/' ? 'resolutions/index.astro' : 'resolutions/p/[page].astro', { ...list, facets: resolutionFacets })
  }
  for (const docType of resolutionFacets.types) {
    for (const [path, list] of pagesOf(url.resolutionType(docType), resolutionsOfType.get(docType)!)) {
      add<ResolutionIndexProps>(path, 'resolutions/type/[...path].astro', { ...list, docType, facets: resolutionFacets })
    }
  }
  for (const year of resolutionFacets.years) {
    const ofYear = resolutionsOfYear.get(year)!.map(resolutionCard)
    for (const [path, list] of pagesOf(url.resolutionYear(year), ofYear)) add<ResolutionIndexProps>(path, 'resolutions/year/[...path].astro', { ...list, year, facets: resolutionFacets })
  }
  for (const r of data.resolutions) add(paths.resolution(r), 'resolutions/[slug].astro', { r, links: relations.resolution(r) }, r.date)

  // 简报快报: the series overview, each series' issues, each issue.
  const bulletinsOfSeries = groupBy(data.bulletins, (b) => b.series.slug)
  const ofSeries = (s: SeriesEntry) => bulletinsOfSeries.get(s.slug) ?? []
  add<BulletinsIndexProps>('/bulletins/', 'bulletins/index.astro', {
    series: data.series.map((s) => {
      const issues = ofSeries(s)
      return { series: seriesCard(s), count: issues.length, latest: issues.slice(0, 5).map(bulletinCard) }
    }),
  })
  for (const s of data.series) {
    const issues = ofSeries(s)
    for (const [path, list] of pagesOf(url.series(s), issues.map(bulletinCard))) add<SeriesPageProps>(path, 'bulletins/[series]/[...path].astro', { kind: 'list', series: s, ...list })
    for (const b of issues) add<SeriesPageProps>(paths.bulletin(b), 'bulletins/[series]/[...path].astro', { kind: 'issue', series: s, bulletin: b, links: relations.bulletin(b) }, b.date)
  }

  // 文明典型 and 镇街.
  add('/figures/', 'figures/index.astro', { figures: data.figures.map(figureCard) })
  for (const f of data.figures) add(paths.figure(f), 'figures/[slug].astro', { f, links: relations.figure(f) }, filedOn.figure(f))
  const figuresOfRegion = groupBy(data.figures, (f) => f.region?.slug)
  add<RegionsIndexProps>('/regions/', 'regions/index.astro', {
    groups: [...new Set(data.regions.map((r) => r.district))].map((district) => ({
      district,
      regions: data.regions
        .filter((r) => r.district === district)
        .map((r) => ({
          slug: r.slug,
          name: r.name,
          kind: r.kind,
          news: newsOfRegion.get(r.slug)?.length ?? 0,
          figures: figuresOfRegion.get(r.slug)?.length ?? 0,
        })),
    })),
  })

  // 专题: a page per topic that has published documents, gathering all of them newest first.
  const topics = data.topics.map((topic) => ({ topic, items: relations.topic(topic) })).filter((t) => t.items.length > 0)
  add<TopicsIndexProps>('/topics/', 'topics/index.astro', {
    topics: topics.map(({ topic, items }) => ({ slug: topic.slug, name: topic.name, description: topic.description, count: items.length, latest: items[0]?.date ?? null })),
  })
  for (const { topic, items } of topics) {
    for (const [path, list] of pagesOf(topicUrl(topic), items)) add<TopicPageProps>(path, 'topics/[...path].astro', { ...list, topic: { slug: topic.slug, name: topic.name, description: topic.description } })
  }

  for (const id of data.pages) add(`/${id}/`, '[page].astro', { id })

  // Search: the filter values are printed by the page, so the index's filter data is only fetched when used.
  const days = new Set<string>()
  for (const list of [data.resolutions, data.bulletins]) for (const x of list) days.add(x.date)
  for (const n of data.news) days.add(filedOn.news(n))
  for (const f of data.figures) days.add(filedOn.figure(f))
  const years = [...new Set([...days].map((d) => d.slice(0, 4)))].sort().reverse()
  add<SearchPageProps>('/search/', 'search/index.astro', {
    groups: [
      { name: '类型', legend: '类型', values: ['政策文件', '简报快报', '工作动态', '文明典型', '栏目介绍'] },
      { name: '年份', legend: '年份', values: years },
      { name: '发文机关或刊物', legend: '发文机关·刊物', values: [...new Set([...data.resolutions.map((x) => x.issuer).filter((x): x is string => Boolean(x)), ...data.series.map((x) => x.name)])] },
      { name: '镇街', legend: '镇街', values: data.regions.map((x) => x.name) },
    ].filter((g) => g.values.length > 0),
    synonyms: data.synonyms,
  })
  add('/search/synonyms.json', 'search/synonyms.json.ts', { synonyms: data.synonyms })

  // Feeds: the newest 50 of each kind.
  add<FeedProps>('/rss/news.xml', FEED_PAGE, {
    title: '工作动态',
    items: data.news.slice(0, FEED_SIZE).map((n): FeedItem => ({ title: n.title, link: url.news(n), day: n.date, description: excerpt(n.summary ?? n.text, 200) })),
  })
  add<FeedProps>('/rss/bulletins.xml', FEED_PAGE, {
    title: '简报快报',
    items: data.bulletins.slice(0, FEED_SIZE).map((b): FeedItem => ({ title: b.title, link: url.bulletin(b), day: b.date, description: excerpt(bulletinText(b), 200) })),
  })
  add<FeedProps>('/rss/resolutions.xml', FEED_PAGE, {
    title: '政策文件',
    items: data.resolutions.slice(0, FEED_SIZE).map((r): FeedItem => ({
      title: numberedTitle(r),
      link: url.resolution(r),
      day: r.date,
      description: r.summary ?? excerpt(r.text, 200),
    })),
  })

  // A feed per topic and per 镇街: the newest 50 documents of every kind.
  const feedItems = (cards: SummaryCard[]) => cards.slice(0, FEED_SIZE).map((c): FeedItem => ({ title: c.title, link: c.href, day: c.date, description: c.summary }))
  for (const { topic, items } of topics) add<FeedProps>(`/rss/topics/${topic.slug}.xml`, FEED_PAGE, { title: `专题：${topic.name}`, items: feedItems(items) })
  for (const region of data.regions) {
    const feed = regionFeed(region.slug)
    if (feed) add<FeedProps>(feed, FEED_PAGE, { title: region.name, items: feedItems(ofRegion.get(region.slug)!) })
  }

  add('/404', '404.astro', {})
  add('/robots.txt', 'robots.txt.ts', {})
  // The sitemap lists every page (not feeds, files or the 404 page), in parts: a document's page goes in the
  // part of its section and year, every other page in `pages`. A new document changes one part (its
  // year's), not one file listing the whole archive, and no part nears the protocol's 50,000 addresses.
  const parts = new Map<string, string[]>()
  for (const [path, route] of routes) {
    if (!path.endsWith('/')) continue
    const name = partOf(path, route)
    const part = parts.get(name) ?? []
    part.push(path)
    parts.set(name, part)
  }
  const sitemaps: string[] = []
  for (const [name, unsorted] of [...parts].sort(([a], [b]) => byCodeUnits(a, b))) {
    const urls = sortedPart(name, unsorted)
    for (let i = 0; i < urls.length; i += SITEMAP_PART) {
      const file = `/sitemaps/${name}${i === 0 ? '' : `-${String(i / SITEMAP_PART + 1)}`}.xml`
      add(file, SITEMAP_PAGE, { urls: items(file, urls.slice(i, i + SITEMAP_PART)) })
      sitemaps.push(file)
    }
  }
  add('/sitemap-index.xml', 'sitemap-index.xml.ts', { sitemaps })
  kept.routes = routes
  kept.items = nextItems
  return routes
}
