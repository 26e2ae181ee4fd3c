/**
 * The kept relations (site/lib/relation-index.ts) update their index by what changed and work out only
 * the links a change can reach. Here random publishes, edits and takedowns of every kind are applied one
 * after another, and after each one every page's links, every topic and every 镇街 list must be what
 * relations worked out from nothing give for the same content.
 */
import { describe, expect, it } from 'vitest'

import { keptRelations, type SiteRelations } from '../../site/lib/relations.ts'
import type { BulletinEntry, FigureEntry, NewsEntry, ResolutionEntry, SeriesEntry, TopicEntry } from '../../site/lib/types.ts'

/** A small seeded generator (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

interface Content {
  topics: TopicEntry[]
  resolutions: ResolutionEntry[]
  bulletins: BulletinEntry[]
  news: NewsEntry[]
  figures: FigureEntry[]
}

const series: SeriesEntry = { slug: 'kuaibao', name: '工作快报', kind: '快报', issuer: null } as unknown as SeriesEntry
const regions = ['a', 'b', 'c'].map((slug) => ({ slug, name: `镇${slug}` }))
const numbers = Array.from({ length: 6 }, (_, i) => `门常发〔2021〕${String(i + 1)}号`)

const world = (next: () => number) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const some = <T>(list: readonly T[], chance: number) => list.filter(() => next() < chance)
  // Few days, so many documents share one and the order falls to their keys.
  const day = () => `2021-0${String(1 + Math.floor(next() * 3))}-1${String(Math.floor(next() * 4))}`
  let made = 0
  const id = () => String(++made)
  const topicIds = ['t1', 't2', 't3']
  const policyIds = () => Array.from({ length: made + 3 }, (_, i) => String(i + 1))
  const cites = () => some(numbers, 0.15).join('，据') + (next() < 0.3 ? '。' : '')

  const resolution = (): ResolutionEntry => {
    const i = id()
    const date = day()
    return {
      id: i,
      slug: `r${i}`,
      title: `决议${i}`,
      docType: pick(['决议', '通知']),
      docNumber: next() < 0.7 ? pick(numbers) : null,
      region: next() < 0.5 ? pick(regions) : null,
      summary: null,
      text: '',
      date,
      year: 2021,
      updatedAt: date,
      topics: some(topicIds, 0.3),
      policies: [],
    } as unknown as ResolutionEntry
  }
  const bulletin = (): BulletinEntry => {
    const i = id()
    return {
      key: `kuaibao/${i}`,
      title: `快报${i}`,
      series,
      issueNumber: Number(i),
      date: day(),
      region: next() < 0.5 ? pick(regions) : null,
      sections: [{ heading: null, items: [{ text: cites() }] }],
      topics: some(topicIds, 0.3),
      policies: some(policyIds(), 0.1),
    } as unknown as BulletinEntry
  }
  const article = (bulletins: BulletinEntry[]): NewsEntry => {
    const i = id()
    const source = next() < 0.3 && bulletins.length ? pick(bulletins) : null
    return {
      slug: `n${i}`,
      title: `动态${i}`,
      date: next() < 0.9 ? day() : null,
      createdAt: '2021-02-12T00:00:00.000Z',
      category: pick(['文明实践', '其他']),
      region: next() < 0.7 ? pick(regions) : null,
      summary: null,
      text: cites(),
      sourceBulletin: source ? { key: source.key, title: source.title } : null,
      interprets: next() < 0.2 ? pick(policyIds()) : null,
      topics: some(topicIds, 0.3),
      policies: some(policyIds(), 0.1),
    } as unknown as NewsEntry
  }
  const figure = (): FigureEntry => {
    const i = id()
    return {
      slug: `f${i}`,
      name: `典型${i}`,
      category: '道德模范',
      region: next() < 0.5 ? pick(regions) : null,
      summary: '',
      updatedAt: `${day()}T00:00:00.000Z`,
      topics: some(topicIds, 0.3),
      policies: [],
    } as unknown as FigureEntry
  }

  /** An edit keeps the document's identity (slug, id, key) and changes what relates it: a new entry object, as the publisher makes. */
  const edit = (content: Content) => {
    const kind = pick(['resolutions', 'bulletins', 'news', 'figures'] as const)
    const list = content[kind] as object[]
    if (!list.length) return
    const at = Math.floor(next() * list.length)
    const old = list[at] as Record<string, unknown>
    const fresh = { resolutions: resolution, bulletins: bulletin, news: () => article(content.bulletins), figures: figure }[kind]() as unknown as Record<
      string,
      unknown
    >
    const keep = { resolutions: ['id', 'slug'], bulletins: ['key', 'issueNumber'], news: ['slug'], figures: ['slug'] }[kind]
    const changed = { ...fresh, ...Object.fromEntries(keep.map((k) => [k, old[k]])) }
    // Sometimes only the title: the same groups, a new card.
    list[at] = next() < 0.3 ? { ...old, title: `${String(old.title)}（改）`, name: `${String(old.name)}（改）` } : changed
  }
  const step = (content: Content) => {
    const what = next()
    if (what < 0.4) {
      const kind = pick(['resolutions', 'bulletins', 'news', 'news', 'figures'] as const)
      const made = { resolutions: resolution, bulletins: bulletin, news: () => article(content.bulletins), figures: figure }[kind]()
      ;(content[kind] as object[]).push(made)
    } else if (what < 0.75) {
      for (let i = 0; i < 1 + Math.floor(next() * 3); i++) edit(content)
    } else if (what < 0.95) {
      const kind = pick(['resolutions', 'bulletins', 'news', 'figures'] as const)
      const list = content[kind] as object[]
      if (list.length) list.splice(Math.floor(next() * list.length), 1)
    } else {
      // A topic renamed or taken down, or back.
      const all = [1, 2, 3].map((n) => ({
        id: `t${String(n)}`,
        slug: `topic${String(n)}`,
        name: `专题${String(n)}${next() < 0.5 ? '' : '（新）'}`,
        description: null,
      }))
      content.topics = some(all, 0.7)
    }
    return content
  }
  const start = (size: number): Content => {
    const content: Content = {
      topics: [
        { id: 't1', slug: 'topic1', name: '专题1', description: null },
        { id: 't2', slug: 'topic2', name: '专题2', description: null },
      ],
      resolutions: [],
      bulletins: [],
      news: [],
      figures: [],
    }
    for (let i = 0; i < size / 4; i++) content.resolutions.push(resolution())
    for (let i = 0; i < size / 4; i++) content.bulletins.push(bulletin())
    for (let i = 0; i < size / 2; i++) content.news.push(article(content.bulletins))
    for (let i = 0; i < size / 8; i++) content.figures.push(figure())
    return content
  }
  return { start, step }
}

const everything = (relations: SiteRelations, c: Content) =>
  JSON.stringify({
    resolutions: c.resolutions.map((r) => relations.resolution(r)),
    bulletins: c.bulletins.map((b) => relations.bulletin(b)),
    news: c.news.map((n) => relations.news(n)),
    figures: c.figures.map((f) => relations.figure(f)),
    topics: c.topics.map((t) => relations.topic(t)),
    regions: regions.map((r) => relations.region(r.slug)),
  })

describe('relations kept from one publish to the next', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`give every page the links worked out from nothing, through 120 random changes (seed ${String(seed)})`, () => {
      const { start, step } = world(random(seed))
      const kept = keptRelations()
      const content = start(60)
      for (let i = 0; i < 120; i++) {
        const copy = {
          topics: [...content.topics],
          resolutions: [...content.resolutions],
          bulletins: [...content.bulletins],
          news: [...content.news],
          figures: [...content.figures],
        }
        expect(everything(kept(copy), copy), `after change ${String(i)}`).toBe(everything(keptRelations()(copy), copy))
        step(content)
      }
    })
  }
})
