import { describe, expect, it } from 'vitest'

import { type DocLinks, siteRelations } from '../../site/lib/relations.ts'
import type { NewsEntry, ResolutionEntry, TopicEntry } from '../../site/lib/types.ts'

const resolution = (id: string, docNumber: string | null, date: string, extra: Partial<ResolutionEntry> = {}): ResolutionEntry => ({
  id,
  slug: `r${id}`,
  title: `决议${id}`,
  docType: '决议',
  docNumber,
  issuer: null,
  meeting: null,
  adoptedAt: date,
  publishedAt: null,
  validity: '现行有效',
  period: null,
  sourceCategory: null,
  region: null,
  summary: null,
  verbatimNote: null,
  gongwen: null,
  html: '',
  text: '',
  date,
  year: Number(date.slice(0, 4)),
  updatedAt: date,
  topics: [],
  policies: [],
  firstPublishedAt: null,
  ...extra,
})

const news = (slug: string, date: string, extra: Partial<NewsEntry> = {}): NewsEntry => ({
  slug,
  title: `动态${slug}`,
  subtitle: null,
  date,
  category: '文明实践',
  region: null,
  authors: null,
  summary: null,
  html: '',
  text: '',
  cover: null,
  keyFigures: [],
  sourceBulletin: null,
  interprets: null,
  updatedAt: date,
  createdAt: date,
  topics: [],
  policies: [],
  firstPublishedAt: null,
  ...extra,
})

const site = (resolutions: ResolutionEntry[], items: NewsEntry[], topics: TopicEntry[] = []) => siteRelations({ topics, resolutions, bulletins: [], news: items, figures: [] })
const section = (links: DocLinks, heading: string) => links.sections.find((s) => s.heading === heading)?.items.map((i) => i.href) ?? []

describe('documents that lead to each other', () => {
  const r23 = resolution('1', '门常发〔2021〕23号', '2021-04-27')

  it('links a policy and the news citing its 文号 in any spelling, both ways', () => {
    const citing = news('a', '2022-05-06', { text: '视察组对照门常发（2021）23号决议要求开展检查。' })
    const other = news('b', '2022-05-07', { text: '门常发〔2021〕24号另有规定。' })
    const relations = site([r23], [citing, other])
    expect(section(relations.resolution(r23), '相关报道')).toEqual(['/news/a/'])
    expect(section(relations.news(citing), '相关政策文件')).toEqual(['/resolutions/r1/'])
    expect(section(relations.news(other), '相关政策文件')).toEqual([])
  })

  it('follows the relation editors set, and ignores policies that are not published', () => {
    const chosen = news('a', '2022-05-06', { policies: ['1', '99'] })
    expect(section(site([r23], [chosen]).news(chosen), '相关政策文件')).toEqual(['/resolutions/r1/'])
  })

  it('lists a 解读 under 政策解读 only, even when it also cites the number', () => {
    const explainer = news('a', '2021-05-10', { interprets: '1', text: '解读门常发〔2021〕23号。' })
    const relations = site([r23], [explainer])
    const links = relations.resolution(r23)
    expect(section(links, '政策解读')).toEqual(['/news/a/'])
    expect(section(links, '相关报道')).toEqual([])
    expect(section(links, '相关阅读')).not.toContain('/news/a/')
    expect(section(relations.news(explainer), '本文解读的政策文件')).toEqual(['/resolutions/r1/'])
  })

  it('prefers documents sharing a topic, never shows the page itself, and shows a few', () => {
    const topics = [{ id: 't', slug: 'topic', name: '专题', description: null }]
    const region = { slug: 'zhaitang', name: '斋堂镇' }
    const items = Array.from({ length: 12 }, (_, i) => news(`n${String(i)}`, `2022-01-${String(10 + i)}`, { region }))
    const onTopic = news('topic-old', '2020-01-01', { topics: ['t'], category: '其他' })
    const self = news('self', '2023-01-01', { topics: ['t'], region })
    const relations = site([], [...items, onTopic, self], topics)
    const related = section(relations.news(self), '相关阅读')
    expect(related[0]).toBe('/news/topic-old/')
    expect(related).not.toContain('/news/self/')
    expect(related).toHaveLength(4)
    expect(relations.news(self).topics).toEqual([{ name: '专题', href: '/topics/topic/' }])
  })

  it('does not change the related documents of older pages when a newer one is published', () => {
    const regions = ['a', 'b', 'c'].map((slug) => ({ slug, name: slug }))
    const items = Array.from({ length: 300 }, (_, i) =>
      news(`n${String(i)}`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), { region: regions[i % 3]!, category: i % 2 ? '文明实践' : '其他' }),
    )
    // Read before the next call: the relations keep one index, which the next call updates.
    const before = site([], items)
    const beforeLinks = items.map((n) => JSON.stringify(before.news(n)))
    const after = site([], [...items, news('new', '2030-01-01', { region: regions[0]!, category: '其他' })])
    const changed = items.filter((n, i) => beforeLinks[i] !== JSON.stringify(after.news(n)))
    expect(changed).toEqual([])
  })

  it('gives an unchanged page its links as the same object again, and new links when a document they list changes', () => {
    const region = { slug: 'zhaitang', name: '斋堂镇' }
    const items = Array.from({ length: 8 }, (_, i) => news(`n${String(i)}`, `2022-01-${String(10 + i)}`, { region }))
    const self = items[4]!
    const first = site([], items).news(self)
    // The long-lived publisher hands the same entries to the next release: the links are kept, and with them their props hash.
    expect(site([], items).news(self)).toBe(first)
    // A neighbour retitled is a new entry (and card): the page's links change with it.
    const retitled = items.map((n) => (n.slug === 'n3' ? { ...n, title: '改过的标题' } : n))
    const next = site([], retitled).news(self)
    expect(next).not.toBe(first)
    expect(next.sections.flatMap((s) => s.items.map((i) => i.title))).toContain('改过的标题')
    expect(site([], retitled).news(self)).toBe(next)
  })

  it('chooses 相关阅读 again when a topic is taken down, though every entry is the same object', () => {
    const topics = [{ id: 't', slug: 'topic', name: '专题', description: null }]
    // n0 shares the topic with the page, n1..n8 only its kind: with the topic published n0 ranks first.
    const items = [news('self', '2022-02-01', { topics: ['t'] }), news('n0', '2021-01-01', { topics: ['t'] }), ...Array.from({ length: 8 }, (_, i) => news(`n${String(i + 1)}`, `2022-01-${String(10 + i)}`))]
    const related = (links: DocLinks) => section(links, '相关阅读')
    expect(related(site([], items, topics).news(items[0]!))[0]).toBe('/news/n0/')
    // The same entries, the topic unpublished: n0 is only one of the kind, and older than the others.
    expect(related(site([], items, []).news(items[0]!))).not.toContain('/news/n0/')
    expect(related(site([], items, topics).news(items[0]!))[0]).toBe('/news/n0/')
  })

  it('gathers a topic newest first across kinds', () => {
    const topics = [{ id: 't', slug: 'topic', name: '专题', description: null }]
    const relations = site([resolution('1', null, '2021-04-27', { topics: ['t'] })], [news('a', '2022-01-01', { topics: ['t'] }), news('b', '2020-01-01', { topics: ['t'] })], topics)
    expect(relations.topic(topics[0]!).map((c) => `${c.kind} ${c.href}`)).toEqual(['工作动态 /news/a/', '政策文件 /resolutions/r1/', '工作动态 /news/b/'])
  })
})
