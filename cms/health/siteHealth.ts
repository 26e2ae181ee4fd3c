/**
 * 栏目监测: every public column with its last public update and its rule, after 《政府网站与政务新媒体检查
 * 指标》(国办秘函〔2019〕19号): 动态、要闻 columns must be updated within 2 weeks, 通知公告、政策文件 columns
 * within 6 months, and 5 or more stale or blank columns veto the site. The clock is a parameter, so the
 * rules can be checked at any moment without waiting.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import type { Payload, Where } from 'payload'

import { NEWS_CATEGORIES, url } from '../../site/lib/site.ts'
import { rootDir } from '../lib/paths.ts'

export type Rule = 'dynamic' | 'policy' | 'none'
export interface ColumnHealth {
  column: string
  path: string
  rule: Rule
  /** Days allowed without an update (null: no rule). */
  limitDays: number | null
  lastUpdate: string | null
  /** Days left before the column is past due (negative: overdue); null without a rule. */
  daysLeft: number | null
  state: 'ok' | 'due-soon' | 'overdue' | 'blank' | 'static'
}
export interface SiteHealth {
  at: string
  columns: ColumnHealth[]
  overdue: number
  blank: number
  /** The veto of the inspection rules: 5 or more stale or blank columns (or a stale home page). */
  veto: boolean
}

type Source = 'news' | 'bulletins' | 'resolutions' | 'figures'
const DAY = 86_400_000
const published: Where = { _status: { equals: 'published' } }

/** The newest first publication among the published documents of `collection` matching `where` (by index, nothing counted). */
const latest = async (payload: Payload, collection: Source, where: Where = {}) => {
  const found = await payload.find({ collection, where: { and: [published, where] }, sort: '-firstPublishedAt', limit: 1, pagination: false, depth: 0, overrideAccess: true, select: { firstPublishedAt: true, updatedAt: true } })
  const doc = found.docs[0] as { firstPublishedAt?: string | null; updatedAt?: string } | undefined
  return doc ? (doc.firstPublishedAt ?? doc.updatedAt ?? null) : null
}

export const siteHealth = async (payload: Payload, now: Date): Promise<SiteHealth> => {
  const settings = (await payload.findGlobal({ slug: 'site-settings', overrideAccess: true })) as { dynamicDays?: number | null; policyDays?: number | null }
  const limits: Record<Rule, number | null> = { dynamic: settings.dynamicDays ?? 14, policy: settings.policyDays ?? 180, none: null }
  const columns: ColumnHealth[] = []
  const add = (column: string, columnPath: string, rule: Rule, lastUpdate: string | null) => {
    const limitDays = limits[rule]
    const daysLeft = limitDays === null || !lastUpdate ? null : Math.floor(limitDays - (now.getTime() - new Date(lastUpdate).getTime()) / DAY)
    const state: ColumnHealth['state'] =
      rule === 'none' ? 'static' : !lastUpdate ? 'blank' : daysLeft! < 0 ? 'overdue' : daysLeft! <= Math.max(2, Math.round(limitDays! / 7)) ? 'due-soon' : 'ok'
    columns.push({ column, path: columnPath, rule, limitDays, lastUpdate, daysLeft, state })
  }
  const newest = (values: (string | null)[]) => values.filter((v): v is string => Boolean(v)).sort().at(-1) ?? null

  const news = await latest(payload, 'news')
  const bulletins = await latest(payload, 'bulletins')
  const resolutions = await latest(payload, 'resolutions')
  const figures = await latest(payload, 'figures')
  add('首页', '/', 'dynamic', newest([news, bulletins, resolutions, figures]))
  add('工作动态', '/news/', 'dynamic', news)
  // A category has a page only while it has news: one without any is not a column.
  for (const category of Object.keys(NEWS_CATEGORIES)) {
    const last = await latest(payload, 'news', { category: { equals: category } })
    if (last) add(`工作动态 · ${category}`, url.newsCategory(category), 'dynamic', last)
  }
  add('简报快报', '/bulletins/', 'dynamic', bulletins)
  const series = await payload.find({ collection: 'bulletin-series', pagination: false, depth: 0, overrideAccess: true })
  for (const s of series.docs) add(`简报快报 · ${s.name}`, url.series({ slug: String(s.slug) }), 'dynamic', await latest(payload, 'bulletins', { series: { equals: s.id } }))
  add('政策文件', '/resolutions/', 'policy', resolutions)
  add('文明典型', '/figures/', 'policy', figures)
  const regions = await payload.find({ collection: 'regions', pagination: false, depth: 0, overrideAccess: true })
  for (const r of regions.docs) add(`镇街 · ${r.name}`, url.region({ slug: String(r.slug) }), 'dynamic', await latest(payload, 'news', { region: { equals: r.id } }))
  // The standing pages (content/pages/*.mdx) are 栏目介绍: no update rule, shown with their file's date.
  const pagesDir = path.join(rootDir, 'content', 'pages')
  for (const file of (await readdir(pagesDir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort()) {
    add(`页面 · ${file.slice(0, -4)}`, `/${file.slice(0, -4)}/`, 'none', (await stat(path.join(pagesDir, file))).mtime.toISOString())
  }
  const overdue = columns.filter((c) => c.state === 'overdue').length
  const blank = columns.filter((c) => c.state === 'blank').length
  return { at: now.toISOString(), columns, overdue, blank, veto: overdue >= 5 || blank >= 5 || columns[0]!.state === 'overdue' }
}
