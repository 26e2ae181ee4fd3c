/**
 * How documents lead to each other, computed from the published content with the route table:
 *
 * - a policy document's 政策解读 (news items marked as explaining it) and 相关报道 (news and bulletin
 *   issues that editors related to it, or whose text cites its 文号);
 * - an article's or a bulletin's policy documents (the same relation seen from the other side);
 * - a bulletin issue's 简讯 published as news items (their 来源简报);
 * - 专题: everything filed under a topic;
 * - 相关阅读: a few documents sharing a topic, a 镇街 or a kind with the one shown.
 *
 * Everything here is linear in the number of documents (maps, never all pairs), and 相关阅读 is chosen
 * among the nearest *earlier* documents of each shared group, so publishing a new document does not
 * change the related list of every older page in its groups (the publisher re-renders what changed).
 */
import { docNumbersIn } from '../../cms/lib/docNumber.ts'
import { lasting } from './memo.ts'
import { byCodeUnits } from './order.ts'
import { bulletinText, excerpt, filedOn, numberedTitle, url } from './site.ts'
import type { BulletinEntry, FigureEntry, NewsEntry, RegionRef, ResolutionEntry, TopicEntry } from './types.ts'

/** One document in a list that mixes kinds (topic pages, related documents, feeds). */
export interface DocCard {
  kind: '政策文件' | '简报快报' | '工作动态' | '文明典型'
  title: string
  href: string
  date: string | null
}
/** A card with a short plain-text summary, for topic pages and feeds. */
export interface SummaryCard extends DocCard {
  summary: string
}

export interface TopicLink {
  name: string
  href: string
}

/** The sections a detail page ends with, in order; empty sections are left out. */
export interface DocLinks {
  topics: TopicLink[]
  sections: { heading: string; items: DocCard[]; more?: { label: string; href: string } }[]
}

/** A document with what relates it to others. */
interface Unit {
  key: string
  card: DocCard
  summaryCard: SummaryCard
  /** Sort key, newest first. */
  day: string
  topics: string[]
  /** Groups it shares with others: each topic, its 镇街, its kind, its kind and category. */
  groups: string[]
  /** Its place in each group's members, newest first (aligned with `groups`). */
  places: number[]
  /** Its place among all documents, newest first: lists are ordered by it (a number compared, not two strings). */
  rank: number
}

const RELATED = 4
const NEAREST = 4
/** A policy page lists at most this many reports; the rest are a search for its 文号 away. */
const REPORTS_SHOWN = 20

const byDayDesc = (a: Unit, b: Unit) => byCodeUnits(b.day, a.day) || byCodeUnits(a.key, b.key)
const byRank = (a: Unit, b: Unit) => a.rank - b.rank

export const topicUrl = (t: { slug: string }) => `/topics/${t.slug}/`

const groupsOf = (kind: string, sub: string | null, region: RegionRef | null, topics: string[]) => [
  ...topics.map((t) => `topic:${t}`),
  ...(region ? [`region:${region.slug}`] : []),
  // The kind on its own is the group of last resort: a document alone in its 镇街 and category still leads somewhere.
  `kind:${kind}`,
  `kind:${kind}:${sub ?? ''}`,
]

const weight = (group: string) => (group.startsWith('topic:') ? 3 : 1)

/**
 * What a document yields here (its cards, its excerpt, the 文号 it cites), kept per entry object: the
 * long-lived publisher hands an unchanged document's entry from one release to the next, so its text —
 * the bulk of the route table's work at 10,000 documents — is read once, not at every publish, and its
 * cards are the same objects (whose props hashes the publisher keeps).
 */
interface Facts {
  cited: string[]
  card: DocCard
  summaryCard: SummaryCard
}
const textFacts = new WeakMap<object, Facts>()
const factsOf = (entry: object, card: () => DocCard, summary: () => string, citing: () => string) => {
  let facts = textFacts.get(entry)
  if (!facts) {
    const c = lasting(card())
    const s = excerpt(summary(), 200)
    textFacts.set(entry, (facts = { cited: docNumbersIn(citing()), card: c, summaryCard: lasting({ ...c, summary: s }) }))
  }
  return facts
}

/**
 * The links last worked out for each entry, returned again (the same object, marked as lasting) while
 * they come out the same: cards are kept per entry, so links are the same when their topics, headings
 * and card objects are. The publisher keeps the props hash of a lasting object, so an unchanged
 * document's links are not serialised and hashed again at every publish (at 100,000 documents, most of
 * a publish's props keys were its detail pages' links).
 */
const lastLinks = new WeakMap<object, DocLinks>()
/**
 * 相关阅读 last chosen for a document (by its card, kept per entry) and the candidates it was chosen from,
 * in order: at 100,000 documents scoring and sorting them again for every page was most of the route
 * table's second.
 */
const lastRelated = new WeakMap<DocCard, { topics: string; candidates: DocCard[]; chosen: DocCard[] }>()
const sameLinks = (a: DocLinks, b: DocLinks) =>
  a.topics.length === b.topics.length &&
  a.topics.every((t, i) => t.name === b.topics[i]!.name && t.href === b.topics[i]!.href) &&
  a.sections.length === b.sections.length &&
  a.sections.every((s, i) => {
    const o = b.sections[i]!
    return s.heading === o.heading && s.more?.label === o.more?.label && s.more?.href === o.more?.href && s.items.length === o.items.length && s.items.every((c, j) => c === o.items[j])
  })
const kept = (entry: object, links: DocLinks): DocLinks => {
  const last = lastLinks.get(entry)
  if (last && sameLinks(last, links)) return last
  lastLinks.set(entry, lasting(links))
  return links
}

export interface SiteRelations {
  resolution: (r: ResolutionEntry) => DocLinks
  news: (n: NewsEntry) => DocLinks
  bulletin: (b: BulletinEntry) => DocLinks
  figure: (f: FigureEntry) => DocLinks
  /** Every document filed under the topic, newest first. */
  topic: (t: TopicEntry) => SummaryCard[]
  /** Every document of a 镇街 (news, bulletins, policy documents, figures), newest first. */
  region: (slug: string) => SummaryCard[]
}

export const siteRelations = (data: {
  topics: TopicEntry[]
  resolutions: ResolutionEntry[]
  bulletins: BulletinEntry[]
  news: NewsEntry[]
  figures: FigureEntry[]
}): SiteRelations => {
  const topicById = new Map(data.topics.map((t) => [t.id, t]))
  const policyById = new Map(data.resolutions.map((r) => [r.id, r]))
  const policyByNumber = new Map(data.resolutions.filter((r) => r.docNumber).map((r) => [r.docNumber!, r]))
  const known = (ids: string[]) => ids.filter((id) => topicById.has(id))
  /** The published topics: a document's groups are its entry's, less unpublished topics. */
  const topicsKey = [...topicById.keys()].join(',')

  const units = new Map<string, Unit>()
  const unit = (key: string, facts: Facts, sub: string | null, region: RegionRef | null, topics: string[]) => {
    const { card, summaryCard } = facts
    const u: Unit = { key, card, summaryCard, day: card.date ?? '', topics: known(topics), groups: groupsOf(card.kind, sub, region, known(topics)), places: [], rank: 0 }
    units.set(key, u)
    return u
  }
  const noCitations = () => ''
  for (const r of data.resolutions) {
    const facts = factsOf(r, () => ({ kind: '政策文件', title: numberedTitle(r), href: url.resolution(r), date: r.date }), () => r.summary ?? r.text, noCitations)
    unit(`r:${r.id}`, facts, r.docType, r.region, r.topics)
  }
  for (const b of data.bulletins) {
    const facts = factsOf(b, () => ({ kind: '简报快报', title: b.title, href: url.bulletin(b), date: b.date }), () => bulletinText(b), () => bulletinText(b))
    unit(`b:${b.key}`, facts, b.series.slug, b.region, b.topics)
  }
  for (const n of data.news) {
    const facts = factsOf(n, () => ({ kind: '工作动态', title: n.title, href: url.news(n), date: filedOn.news(n) }), () => n.summary ?? n.text, () => n.text)
    unit(`n:${n.slug}`, facts, n.category, n.region, n.topics)
  }
  for (const f of data.figures) {
    const facts = factsOf(f, () => ({ kind: '文明典型', title: f.name, href: url.figure(f), date: filedOn.figure(f) }), () => f.summary, noCitations)
    unit(`f:${f.slug}`, facts, f.category, f.region, f.topics)
  }

  // Policies an article or a bulletin reports on: chosen by the editor, or cited by 文号 in its text.
  const policiesOf = (explicit: string[], cited: string[], except: string | null) => {
    const found = new Set<ResolutionEntry>()
    for (const id of explicit) if (policyById.has(id)) found.add(policyById.get(id)!)
    for (const number of cited) if (policyByNumber.has(number)) found.add(policyByNumber.get(number)!)
    return [...found].filter((p) => p.id !== except)
  }
  const reports = new Map<string, Unit[]>()
  const interpretations = new Map<string, Unit[]>()
  const policiesByUnit = new Map<string, ResolutionEntry[]>()
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value)
  for (const n of data.news) {
    const policies = policiesOf(n.policies, textFacts.get(n)!.cited, n.interprets)
    policiesByUnit.set(`n:${n.slug}`, policies)
    for (const p of policies) push(reports, p.id, units.get(`n:${n.slug}`)!)
    if (n.interprets && policyById.has(n.interprets)) push(interpretations, n.interprets, units.get(`n:${n.slug}`)!)
  }
  for (const b of data.bulletins) {
    const policies = policiesOf(b.policies, textFacts.get(b)!.cited, null)
    policiesByUnit.set(`b:${b.key}`, policies)
    for (const p of policies) push(reports, p.id, units.get(`b:${b.key}`)!)
  }
  const entriesOfBulletin = new Map<string, Unit[]>()
  for (const n of data.news) if (n.sourceBulletin) push(entriesOfBulletin, n.sourceBulletin.key, units.get(`n:${n.slug}`)!)

  // Every document ranked newest first, once; each group's members in that order, and each member's place in it.
  const ranked = [...units.values()].sort(byDayDesc)
  ranked.forEach((u, i) => (u.rank = i))
  const members = new Map<string, Unit[]>()
  for (const u of ranked) for (const g of u.groups) push(members, g, u)
  for (const [g, list] of members) list.forEach((u, i) => (u.places[u.groups.indexOf(g)] = i))

  /** The few documents most like `u`: the nearest earlier members of its groups, then later ones if too few. */
  const relatedTo = (u: Unit, shown: Set<string>): DocCard[] => {
    const score = new Map<Unit, number>()
    const consider = (direction: 1 | -1) => {
      for (const [k, g] of u.groups.entries()) {
        const list = members.get(g)!
        const at = u.places[k]!
        for (let step = 1, taken = 0; taken < NEAREST; step++) {
          const other = list[at + direction * step]
          if (!other) break
          if (shown.has(other.card.href)) continue
          taken++
          score.set(other, 0)
        }
      }
    }
    consider(1)
    if (score.size < RELATED) consider(-1)
    // The same candidates (the same entries, hence the same groups) as last time give the same choice.
    const candidates = [...score.keys()].map((x) => x.card)
    const last = lastRelated.get(u.card)
    if (last && last.topics === topicsKey && last.candidates.length === candidates.length && last.candidates.every((c, i) => c === candidates[i])) return last.chosen
    for (const other of score.keys()) {
      let sum = 0
      for (const g of u.groups) if (other.groups.includes(g)) sum += weight(g)
      score.set(other, sum)
    }
    const chosen = [...score.keys()]
      .sort((a, b) => score.get(b)! - score.get(a)! || byRank(a, b))
      .slice(0, RELATED)
      .map((x) => x.card)
    lastRelated.set(u.card, { topics: topicsKey, candidates, chosen })
    return chosen
  }

  const topicLinks = (u: Unit) => u.topics.map((id) => topicById.get(id)!).map((t) => ({ name: t.name, href: topicUrl(t) }))
  const cards = (list: Unit[] | undefined) => [...(list ?? [])].sort(byRank).map((x) => x.card)
  const policyCards = (key: string) => (policiesByUnit.get(key) ?? []).map((p) => units.get(`r:${p.id}`)!).sort(byRank).map((x) => x.card)
  /** The page's sections, then 相关阅读 without anything already listed. */
  const finish = (entry: object, u: Unit, sections: DocLinks['sections']): DocLinks => {
    const shown = new Set([u.card.href])
    for (const section of sections) for (const item of section.items) shown.add(item.href)
    const all = [...sections, { heading: '相关阅读', items: relatedTo(u, shown) }]
    return kept(entry, { topics: topicLinks(u), sections: all.filter((s) => s.items.length > 0) })
  }

  const summaryCards = (list: Unit[] | undefined) => [...(list ?? [])].sort(byRank).map((x) => x.summaryCard)
  const ofTopic = new Map<string, Unit[]>()
  for (const u of ranked) for (const t of u.topics) push(ofTopic, t, u)

  return {
    resolution: (r) => {
      const u = units.get(`r:${r.id}`)!
      const reported = cards(reports.get(r.id))
      const more = reported.length > REPORTS_SHOWN && r.docNumber ? { label: `共 ${String(reported.length)} 篇，查看全部`, href: `/search/?q=${encodeURIComponent(r.docNumber)}` } : undefined
      return finish(r, u, [
        { heading: '政策解读', items: cards(interpretations.get(r.id)) },
        { heading: '相关报道', items: reported.slice(0, REPORTS_SHOWN), ...(more ? { more } : {}) },
      ])
    },
    news: (n) => {
      const u = units.get(`n:${n.slug}`)!
      const explained = n.interprets ? units.get(`r:${n.interprets}`) : undefined
      return finish(n, u, [
        { heading: '本文解读的政策文件', items: explained ? [explained.card] : [] },
        { heading: '相关政策文件', items: policyCards(u.key) },
      ])
    },
    bulletin: (b) => {
      const u = units.get(`b:${b.key}`)!
      return finish(b, u, [
        { heading: '本期刊登为工作动态的稿件', items: cards(entriesOfBulletin.get(b.key)) },
        { heading: '相关政策文件', items: policyCards(u.key) },
      ])
    },
    figure: (f) => finish(f, units.get(`f:${f.slug}`)!, []),
    topic: (t) => summaryCards(ofTopic.get(t.id)),
    region: (slug) => summaryCards(members.get(`region:${slug}`)),
  }
}
