/**
 * `node bench/relations.ts --docs N`: what documents that lead to each other (site/lib/relations.ts) cost
 * a publish. Builds the route table of N synthetic published documents in memory (20 专题 on a third of
 * them, 12 镇街, one news item in ten citing a policy's 文号), then prints the route table's time and the
 * props keys' (publisher/route-hash.ts), first and again on the same entries (as at each publish), and,
 * for each kind of change, how many pages' props change (the pages the publisher re-renders). No
 * database: the loader's output is generated directly. Never fails on a timing.
 */
import os from 'node:os'

import { routeHash } from '../publisher/route-hash.ts'
import { routeTable, type SiteData } from '../site/lib/routes.ts'
import { UNNAMED_SITE } from '../site/lib/site.ts'
import type { NewsEntry, RegionEntry, ResolutionEntry, TopicEntry } from '../site/lib/types.ts'
import { median } from './lib/stats.ts'

const args = process.argv.slice(2)
const N = Number(args[args.indexOf('--docs') + 1] ?? 10_000) || 10_000

let seed = 7
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
const dayOf = (i: number) => new Date(Date.UTC(2026, 10, 1) - i * 86_400_000 * (3650 / N)).toISOString().slice(0, 10)

const regions: RegionEntry[] = Array.from({ length: 12 }, (_, i) => ({ slug: `region-${String(i)}`, name: `镇街${String(i)}`, kind: '镇', district: '门头沟区' }))
const topics: TopicEntry[] = Array.from({ length: 20 }, (_, i) => ({ id: `t${String(i)}`, slug: `topic-${String(i)}`, name: `专题${String(i)}`, description: null }))
const someTopics = () => (random() < 0.33 ? [pick(topics).id] : [])
const ref = (r: RegionEntry) => ({ slug: r.slug, name: r.name })

const resolution = (i: number): ResolutionEntry => {
  const date = dayOf(i)
  return {
    id: `r${String(i)}`, slug: `r-${String(i)}`, title: `关于推进工作的决议${String(i)}`, docType: pick(['决议', '行动计划', '通知']), docNumber: `门文发〔${date.slice(0, 4)}〕${String(i)}号`,
    issuer: '门头沟区人大常委会', meeting: null, adoptedAt: date, publishedAt: null, validity: '现行有效', period: null, sourceCategory: null, region: ref(pick(regions)),
    summary: `决议${String(i)}摘要`, verbatimNote: null, gongwen: null, html: '<p>正文</p>', text: '正文', date, year: Number(date.slice(0, 4)), updatedAt: date, topics: someTopics(), policies: [], firstPublishedAt: null,
  }
}
const policies = Array.from({ length: Math.round(N / 10) }, (_, i) => resolution(i * 10))
const news = (i: number, extra: Partial<NewsEntry> = {}): NewsEntry => {
  const date = dayOf(i)
  const cited = random() < 0.1 ? pick(policies) : null
  const text = cited ? `对照${cited.docNumber ?? ''}要求推进。` : '开展活动。'
  return {
    slug: `n-${String(i)}`, title: `工作动态${String(i)}`, subtitle: null, date, category: pick(['文明实践', '综合整治', '检查督导']), region: ref(pick(regions)), authors: null,
    summary: text, html: `<p>${text}</p>`, text, cover: null, keyFigures: [], sourceBulletin: null, interprets: null, updatedAt: date, createdAt: date,
    topics: someTopics(), policies: [], firstPublishedAt: null, ...extra,
  }
}
const data: SiteData = {
  regions, topics, series: [], bulletins: [], figures: [], synonyms: [], pages: [],
  site: UNNAMED_SITE,
  resolutions: policies,
  news: Array.from({ length: N - policies.length }, (_, i) => news(i * 10 + 1 + (i % 9))),
}

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now()
  const result = fn()
  return [result, performance.now() - t]
}
// As in the long-lived publisher: the same entries at every publish, so what is kept per entry is kept.
const runs = [0, 1, 2, 3].map(() => {
  const [routes, routesMs] = time(() => routeTable(data))
  const [, keysMs] = time(() => {
    for (const route of routes.values()) routeHash(route)
  })
  return { routes, routesMs, keysMs }
})
const base = runs[0]!.routes
const again = runs.slice(1)
console.log(`机器：${String(os.cpus().length)} 核 ${os.cpus()[0]?.model ?? ''}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GB，Node ${process.version}`)
console.log(`${String(N)} 篇文档，${String(base.size)} 个网址；首次：路由表（含相互关联）${runs[0]!.routesMs.toFixed(0)} ms，页面数据键 ${runs[0]!.keysMs.toFixed(0)} ms`)
console.log(`内容未变时再次（如每次发布，中位数）：路由表 ${median(again.map((r) => r.routesMs)).toFixed(0)} ms，页面数据键 ${median(again.map((r) => r.keysMs)).toFixed(0)} ms`)

const changed = (next: SiteData) => {
  const routes = routeTable(next)
  const differs = [...routes].filter(([path, route]) => JSON.stringify(route.props) !== JSON.stringify(base.get(path)?.props)).map(([path]) => path)
  const gone = [...base.keys()].filter((path) => !routes.has(path))
  const detail = differs.filter((p) => /^\/(news|resolutions|bulletins|figures)\/[^/]+\/$/.test(p) && !/\/p\//.test(p))
  const bySection = new Map<string, number>()
  for (const p of differs) {
    const section = /^\/(topics|rss|regions)\//.exec(p)?.[1] ?? (/\/p\/\d+\/$/.test(p) ? 'lists' : 'other')
    bySection.set(section, (bySection.get(section) ?? 0) + 1)
  }
  const split = [...bySection].map(([k, v]) => `${k} ${String(v)}`).join('、')
  return `${String(differs.length + gone.length)} 个网址变化（${split}），其中详情页 ${String(detail.length)} 个`
}
const newest = news(-1, { slug: 'n-new', topics: [topics[0]!.id], region: ref(regions[0]!) })
const middle = data.news[Math.floor(data.news.length / 2)]!
const cases: [string, SiteData][] = [
  ['发布一条最新动态（有专题）', { ...data, news: [newest, ...data.news] }],
  ['发布一条引用文号的最新动态', { ...data, news: [news(-1, { slug: 'n-cites', text: `按照${policies[50]!.docNumber ?? ''}要求。` }), ...data.news] }],
  ['修改中间一条动态的标题', { ...data, news: data.news.map((n) => (n === middle ? { ...n, title: `${n.title}（修订）` } : n)) }],
  ['修改中间一条动态的正文', { ...data, news: data.news.map((n) => (n === middle ? { ...n, html: '<p>新正文</p>' } : n)) }],
]
for (const [label, next] of cases) console.log(`${label}：${changed(next)}`)
