import type { Payload, Where } from 'payload'

import type { SeedBulletin, SeedNews } from '../../content/seed/types.ts'
import { ROLE_LABELS, type Role } from '../access/roles.ts'
import { markdownToRichText } from '../lib/richText.ts'
import { STARTER_RULES } from '../checks/rules.ts'
import { DEFAULT_SYNONYMS } from '../lib/synonyms.ts'
import { seedContent } from './content.ts'
import { placeholderPortrait } from './placeholder.ts'

/** Context flag on every seed write, so hooks with side effects (site rebuilds) can stand aside. */
export const SEED_CONTEXT = { seed: true } as const

export interface SeedReport {
  created: number
  existing: number
  ms: number
}

type Log = (line: string) => void

/** The demo accounts, one per role. */
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.com', name: '管理员', role: 'admin' },
  { email: 'editor@example.com', name: '李国栋', role: 'editor' },
  { email: 'reviewer@example.com', name: '张东辉', role: 'reviewer' },
  { email: 'signer@example.com', name: '李争三', role: 'signer' },
]

/** The sign-off record of a document imported from its printed original. */
const imported = () => ({
  state: 'signed' as const,
  history: [{ action: 'import' as const, at: new Date().toISOString(), userName: '种子数据', reason: '据印发原件导入' }],
})

/** A noon-UTC timestamp for a calendar day, as the admin's day picker stores it. */
const day = (value: string | undefined): string | undefined => (value ? `${value}T12:00:00.000Z` : undefined)

/**
 * Imports the seed documents. Idempotent: a document that already exists (by slug, e-mail, name or
 * series + issue number) is left exactly as it is, so re-running changes nothing and never overwrites
 * an editor's later work.
 */
export const seed = async (payload: Payload, options: { password: string | null; log?: Log }): Promise<SeedReport> => {
  const log = options.log ?? (() => undefined)
  const started = performance.now()
  const report: SeedReport = { created: 0, existing: 0, ms: 0 }
  const common = { overrideAccess: true, context: SEED_CONTEXT } as const

  /** Finds a document by `where`, or creates it with `create()`; logs either way. */
  const ensure = async <T extends { id: number | string }>(
    collection: Parameters<Payload['find']>[0]['collection'],
    what: string,
    where: Where,
    create: () => Promise<T>,
  ): Promise<T> => {
    const t0 = performance.now()
    const found = await payload.find({ collection, where, limit: 1, depth: 0, draft: true, ...common })
    const existing = found.docs[0] as T | undefined
    if (existing) {
      report.existing++
      log(`  已存在  ${what}`)
      return existing
    }
    const doc = await create()
    report.created++
    log(`  已创建  ${what}（${Math.round(performance.now() - t0)} ms）`)
    return doc
  }

  // A served site gets no demo accounts (password null): its admin is provisioned by secureAccounts.
  log(options.password ? '导入演示账号…' : '不创建演示账号（网站对外提供服务）')
  for (const user of options.password ? DEMO_USERS : []) {
    await ensure('users', `${ROLE_LABELS[user.role].zh} ${user.email}`, { email: { equals: user.email } }, () =>
      payload.create({
        collection: 'users',
        data: { email: user.email, name: user.name, roles: [user.role], password: options.password as string },
        ...common,
      }),
    )
  }

  log('导入专题…')
  const topicIds = new Map<string, number | string>()
  for (const topic of seedContent.topics) {
    const doc = await ensure('topics', `专题 ${topic.name}`, { slug: { equals: topic.slug } }, () => payload.create({ collection: 'topics', data: topic, ...common }))
    topicIds.set(topic.slug, doc.id)
  }
  const topicsOf = (slugs: string[] | undefined) =>
    (slugs ?? []).map((slug) => {
      const id = topicIds.get(slug)
      if (id === undefined) throw new Error(`种子数据引用了未定义的专题“${slug}”`)
      return id as number
    })

  log('导入镇街…')
  const regionIds = new Map<string, number | string>()
  for (const region of seedContent.regions) {
    const doc = await ensure('regions', `镇街 ${region.name}`, { name: { equals: region.name } }, () =>
      payload.create({ collection: 'regions', data: region, ...common }),
    )
    regionIds.set(region.name, doc.id)
  }
  const regionId = (name: string | undefined) => {
    if (!name) return undefined
    const id = regionIds.get(name)
    if (id === undefined) throw new Error(`种子数据引用了未定义的镇街“${name}”`)
    return id as number
  }

  log('导入刊物…')
  const seriesIds = new Map<string, number | string>()
  for (const s of seedContent.series) {
    const doc = await ensure('bulletin-series', `刊物 ${s.name}`, { slug: { equals: s.slug } }, () =>
      payload.create({ collection: 'bulletin-series', data: s, ...common }),
    )
    seriesIds.set(s.slug, doc.id)
  }

  log('导入文明典型（生成占位图）…')
  for (const f of seedContent.figures) {
    await ensure('figures', `文明典型 ${f.name}`, { slug: { equals: f.slug } }, async () => {
      const data = await placeholderPortrait(f.colors[0], f.colors[1])
      const portrait = await payload.create({
        collection: 'media',
        data: { alt: `占位图：${f.name}（尚无实拍照片，此为自动生成的示意图）` },
        file: { data, mimetype: 'image/jpeg', name: `figure-${f.slug}.jpg`, size: data.length },
        ...common,
      })
      return payload.create({
        collection: 'figures',
        data: {
          name: f.name,
          slug: f.slug,
          kind: f.kind,
          category: f.category,
          region: regionId(f.region),
          portrait: portrait.id as number,
          summary: f.summary,
          story: await markdownToRichText(f.story),
          _status: 'published',
        },
        draft: false,
        ...common,
      })
    })
  }

  log('导入政策文件…')
  for (const r of seedContent.resolutions) {
    await ensure('resolutions', `政策文件 ${r.docNumber ?? r.title}`, { slug: { equals: r.slug } }, async () =>
      payload.create({
        collection: 'resolutions',
        data: {
          ...r,
          adoptedAt: day(r.adoptedAt),
          publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : undefined,
          region: regionId(r.region),
          topics: topicsOf(r.topics),
          body: await markdownToRichText(r.body),
          workflow: imported(),
          _status: 'published',
        },
        draft: false,
        ...common,
      }),
    )
  }

  log('导入简报·快报及其简讯…')
  for (const b of seedContent.bulletins) {
    const seriesId = seriesIds.get(b.series)
    if (seriesId === undefined) throw new Error(`种子数据引用了未定义的刊物“${b.series}”`)
    const doc = await ensure(
      'bulletins',
      `${b.series} 第${b.issueNumber}期${b.totalIssueNumber ? `（总第${b.totalIssueNumber}期）` : ""}`,
      { and: [{ series: { equals: seriesId } }, { issueNumber: { equals: b.issueNumber } }] },
      async () => payload.create({ collection: 'bulletins', data: { ...(await bulletinData(b, seriesId as number, regionId)), topics: topicsOf(b.topics) }, draft: false, ...common }),
    )
    for (const section of b.sections) {
      for (const item of section.items) {
        if (!item.news) continue
        const news = item.news
        await ensure('news', `工作动态 ${news.title}`, { slug: { equals: news.slug } }, async () =>
          payload.create({
            collection: 'news',
            data: {
              title: news.title,
              slug: news.slug,
              date: day(news.date ?? b.date),
              category: item.category as NewsCategory,
              region: regionId(item.region),
              summary: item.body,
              body: await markdownToRichText(item.body),
              sourceBulletin: doc.id as number,
              _status: 'published',
            },
            draft: false,
            ...common,
          }),
        )
      }
    }
  }

  log('导入工作动态…')
  for (const n of seedContent.news) {
    await ensure('news', `工作动态 ${n.title}`, { slug: { equals: n.slug } }, async () =>
      payload.create({ collection: 'news', data: { ...(await newsData(n, regionId)), topics: topicsOf(n.topics) }, draft: false, ...common }),
    )
  }

  log('导入站点设置和内容检查规则…')
  const site = await payload.findGlobal({ slug: 'site-settings', ...common })
  if (!site.siteName) {
    await payload.updateGlobal({ slug: 'site-settings', data: seedContent.site, ...common })
    report.created++
  } else report.existing++
  if ((await payload.count({ collection: 'content-rules', ...common })).totalDocs === 0) {
    for (const rule of STARTER_RULES) await payload.create({ collection: 'content-rules', data: rule, ...common })
    report.created++
  } else report.existing++

  log('导入搜索同义词…')
  const settings = await payload.findGlobal({ slug: 'search-settings', ...common })
  if (!settings.synonyms?.length) {
    await payload.updateGlobal({ slug: 'search-settings', data: { synonyms: DEFAULT_SYNONYMS }, ...common })
    report.created++
    log('  已创建  搜索同义词')
  } else {
    report.existing++
    log('  已存在  搜索同义词')
  }

  report.ms = Math.round(performance.now() - started)
  return report
}

type NewsCategory = '文明培育' | '文明实践' | '综合整治' | '我为群众办实事' | '指挥调度' | '检查督导' | '专题报道' | '其他'

const bulletinData = async (b: SeedBulletin, series: number, regionId: (name?: string) => number | undefined) => ({
  series,
  issueNumber: b.issueNumber,
  totalIssueNumber: b.totalIssueNumber,
  date: day(b.date) as string,
  region: regionId(b.region),
  sections: await Promise.all(
    b.sections.map(async (s) => ({
      heading: s.heading,
      items: await Promise.all(
        s.items.map(async (i) => ({
          title: i.title,
          category: i.category,
          region: regionId(i.region),
          source: i.source,
          body: await markdownToRichText(i.body),
        })),
      ),
    })),
  ),
  signoff: b.signoff,
  distribution: b.distribution,
  workflow: imported(),
  _status: 'published' as const,
})

const newsData = async (n: SeedNews, regionId: (name?: string) => number | undefined) => ({
  title: n.title,
  subtitle: n.subtitle,
  slug: n.slug,
  date: day(n.date),
  authors: n.authors,
  category: n.category as NewsCategory,
  region: regionId(n.region),
  summary: n.summary,
  keyFigures: n.keyFigures,
  body: await markdownToRichText(n.body),
  _status: 'published' as const,
})
