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
import { lasting, sameItems } from './memo.ts'
import { type DocCard, NEAREST, RelationIndex, type RelationsInput, type SummaryCard, type Unit, byRank } from './relation-index.ts'
import type { BulletinEntry, FigureEntry, NewsEntry, ResolutionEntry, TopicEntry } from './types.ts'

export type { DocCard, SummaryCard }

export interface TopicLink {
  name: string
  href: string
}

/** The sections a detail page ends with, in order; empty sections are left out. */
export interface DocLinks {
  topics: TopicLink[]
  sections: { heading: string; items: DocCard[]; more?: { label: string; href: string } }[]
}

const RELATED = 4
/** A policy page lists at most this many reports; the rest are a search for its 文号 away. */
const REPORTS_SHOWN = 20

export const topicUrl = (t: { slug: string }) => `/topics/${t.slug}/`

const weight = (group: string) => (group.startsWith('topic:') ? 3 : 1)

/**
 * The links last worked out for each entry, returned again (the same object, marked as lasting) while
 * they come out the same: cards are kept per entry, so links are the same when their topics, headings
 * and card objects are. The publisher keeps the props hash of a lasting object, so an unchanged
 * document's links are not serialised and hashed again at every publish.
 */
const lastLinks = new WeakMap<object, DocLinks>()
const sameLinks = (a: DocLinks, b: DocLinks) =>
  a.topics.length === b.topics.length &&
  a.topics.every((t, i) => t.name === b.topics[i]!.name && t.href === b.topics[i]!.href) &&
  a.sections.length === b.sections.length &&
  a.sections.every((s, i) => {
    const o = b.sections[i]!
    return s.heading === o.heading && s.more?.label === o.more?.label && s.more?.href === o.more?.href && sameItems(s.items, o.items)
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

/**
 * Relations that keep their index from one call to the next (see relation-index.ts): each call updates
 * it by what changed and works out the links of the units it marks; the others keep theirs.
 */
export const keptRelations = (): ((data: RelationsInput) => SiteRelations) => {
  const index = new RelationIndex()
  const summariesOf = new WeakMap<Unit[], SummaryCard[]>()

  /** The few documents most like `u`: the nearest earlier members of its groups, then later ones if too few. */
  const relatedTo = (u: Unit, shown: Set<string>): DocCard[] => {
    const score = new Map<Unit, number>()
    const consider = (direction: 1 | -1) => {
      for (const [k, g] of u.groups.entries()) {
        const list = index.members.get(g)!
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
    for (const other of score.keys()) {
      let sum = 0
      for (const g of u.groups) if (other.groups.includes(g)) sum += weight(g)
      score.set(other, sum)
    }
    return [...score.keys()]
      .sort((a, b) => score.get(b)! - score.get(a)! || byRank(a, b))
      .slice(0, RELATED)
      .map((x) => x.card)
  }

  const cards = (list: Iterable<Unit> | undefined) => [...(list ?? [])].sort(byRank).map((x) => x.card)

  /** The sections of a unit's page, by its kind. */
  const sectionsOf = (u: Unit): DocLinks['sections'] => {
    const entry = u.entry
    const policyCards = () => cards(index.policies.get(u))
    if (u.policy) {
      const r = entry as ResolutionEntry
      const reported = cards(index.reporters.get(r.id))
      const more =
        reported.length > REPORTS_SHOWN && r.docNumber
          ? { label: `共 ${String(reported.length)} 篇，查看全部`, href: `/search/?q=${encodeURIComponent(r.docNumber)}` }
          : undefined
      return [
        { heading: '政策解读', items: cards(index.interpreters.get(r.id)) },
        { heading: '相关报道', items: reported.slice(0, REPORTS_SHOWN), ...(more ? { more } : {}) },
      ]
    }
    if (u.key.startsWith('n:')) {
      const explained = u.reports?.interprets ? index.policyById.get(u.reports.interprets) : undefined
      return [
        { heading: '本文解读的政策文件', items: explained ? [explained.card] : [] },
        { heading: '相关政策文件', items: policyCards() },
      ]
    }
    if (u.key.startsWith('b:')) {
      return [
        { heading: '本期刊登为工作动态的稿件', items: cards(index.fromBulletin.get((entry as BulletinEntry).key)) },
        { heading: '相关政策文件', items: policyCards() },
      ]
    }
    return []
  }

  /** A unit's links: its sections, then 相关阅读 without anything already listed. */
  const workOut = (u: Unit): DocLinks => {
    const sections = sectionsOf(u)
    const shown = new Set([u.card.href])
    for (const section of sections) for (const item of section.items) shown.add(item.href)
    // How far 相关阅读 may look from the unit, for the index to know what a change can reach.
    index.reach = Math.max(index.reach, NEAREST + shown.size)
    const all = [...sections, { heading: '相关阅读', items: relatedTo(u, shown) }]
    const topics = u.topics.map((id) => index.topicById.get(id)!).map((t) => ({ name: t.name, href: topicUrl(t) }))
    return kept(u.entry, { topics, sections: all.filter((s) => s.items.length > 0) })
  }

  return (data: RelationsInput): SiteRelations => {
    for (const u of index.update(data)) u.links = workOut(u)
    const links = (entry: object) => index.units.get(entry)!.links!
    const summaries = (list: Unit[] | undefined) => {
      if (!list) return []
      let found = summariesOf.get(list)
      if (!found) summariesOf.set(list, (found = list.map((u) => u.summaryCard)))
      return found
    }
    return {
      resolution: links,
      news: links,
      bulletin: links,
      figure: links,
      topic: (t) => summaries(index.members.get(`topic:${t.id}`)),
      region: (slug) => summaries(index.members.get(`region:${slug}`)),
    }
  }
}

/** The site's relations, kept for the publisher's next call. */
export const siteRelations = keptRelations()
