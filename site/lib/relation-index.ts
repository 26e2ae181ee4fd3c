/**
 * What relates the published documents to each other (groups, policies cited, 简讯 of a bulletin), kept
 * from one publish to the next and updated by what changed: the long-lived publisher hands an unchanged
 * document's entry on as the same object, so a publish adds the units of new entries and drops those of
 * entries that are gone (an edit is both), and marks **dirty** the units whose links can have changed.
 * Only those have their links worked out again (relations.ts). At 100,000 documents working out every
 * page's links at every publish was a second of each publish; a publish touches a few hundred units.
 *
 * What makes a unit dirty, and why that is enough:
 * - its own entry is new;
 * - a unit was added to or dropped from one of its groups within `reach` places of it: 相关阅读 walks a
 *   group from a unit's place, skipping what its sections already show, and takes `NEAREST` others, so it
 *   never looks further than `NEAREST` + its shown documents. Units keep their order (by day, then key),
 *   so nothing else about a group changes what the walk sees;
 * - what its sections list changed: a policy's reports and 解读, an article's policies (chosen, or cited by
 *   文号, which a new or renamed policy can start or stop matching), a bulletin's 简讯.
 * A change of the published topics (names, or one taken down) changes every unit's groups: then all is
 * built afresh, as it is when a large share of the archive changed at once.
 */
import { docNumbersIn } from '../../cms/lib/docNumber.ts'
import { lasting, sameItems } from './memo.ts'
import { byCodeUnits } from './order.ts'
import { bulletinText, excerpt, filedOn, numberedTitle, url } from './site.ts'
import type { DocLinks } from './relations.ts'
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

/** A document with what relates it to others. */
export interface Unit {
  entry: object
  key: string
  card: DocCard
  summaryCard: SummaryCard
  /** Sort key, newest first. */
  day: string
  /** Ids of its published topics. */
  topics: string[]
  /** Groups it shares with others: each topic, its 镇街, its kind, its kind and category. */
  groups: string[]
  /** Its place in each group's members, newest first (aligned with `groups`). */
  places: number[]
  /** Its place among all documents, newest first: lists are ordered by it (a number compared, not two strings). */
  rank: number
  /** A policy document's id and 文号. */
  policy: { id: string; docNumber: string | null } | null
  /** An article's or a bulletin's policies: chosen by the editor (ids), cited in its text (文号), and one it explains. */
  reports: { chosen: string[]; cited: string[]; interprets: string | null } | null
  /** An article's 来源简报 (the bulletin's key). */
  sourceBulletin: string | null
  /** The last update that found its entry. */
  seen: number
  /** Its page's links, as relations.ts last worked them out. */
  links: DocLinks | null
}

export const NEAREST = 4

export const byDayDesc = (a: Unit, b: Unit) => byCodeUnits(b.day, a.day) || byCodeUnits(a.key, b.key)
export const byRank = (a: Unit, b: Unit) => a.rank - b.rank

const groupsOf = (kind: string, sub: string | null, region: RegionRef | null, topics: string[]) => [
  ...topics.map((t) => `topic:${t}`),
  ...(region ? [`region:${region.slug}`] : []),
  // The kind on its own is the group of last resort: a document alone in its 镇街 and category still leads somewhere.
  `kind:${kind}`,
  `kind:${kind}:${sub ?? ''}`,
]

/**
 * What a document yields here (its cards, its excerpt, the 文号 it cites), kept per entry object, so an
 * unchanged document's text is read once (and its cards are the same objects, whose props hashes the
 * publisher keeps), also when everything is built afresh.
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
    textFacts.set(entry, (facts = { cited: docNumbersIn(citing()), card: c, summaryCard: lasting({ ...c, summary: excerpt(summary(), 200) }) }))
  }
  return facts
}

export interface RelationsInput {
  topics: TopicEntry[]
  resolutions: ResolutionEntry[]
  bulletins: BulletinEntry[]
  news: NewsEntry[]
  figures: FigureEntry[]
}

const push = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value)
const drop = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const set = map.get(key)
  if (set?.delete(value) && set.size === 0) map.delete(key)
}
/** Where `u` is, or would go, in `list` (ordered by `byDayDesc`, a total order). */
const placeIn = (list: Unit[], u: Unit) => {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (byDayDesc(list[mid]!, u) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Above this share of the archive changed at once, building afresh is quicker than updating. */
const AFRESH_SHARE = 1 / 8

export class RelationIndex {
  topicById = new Map<string, TopicEntry>()
  private topicList: TopicEntry[] = []
  private round = 0
  /** The current units, by entry. */
  units = new Map<object, Unit>()
  byKey = new Map<string, Unit>()
  /** Every unit newest first. */
  ranked: Unit[] = []
  /** Each group's units newest first. A changed group gets a new array, so an unchanged one is the same object. */
  members = new Map<string, Unit[]>()
  policyById = new Map<string, Unit>()
  private ofNumber = new Map<string, Set<Unit>>()
  /** The policies each article and bulletin reports on (policy units, in the order found). */
  policies = new Map<Unit, Unit[]>()
  /** Policy id → the units reporting on it; → the articles explaining it. */
  reporters = new Map<string, Set<Unit>>()
  interpreters = new Map<string, Set<Unit>>()
  /** Bulletin key → its 简讯 published as articles. */
  fromBulletin = new Map<string, Set<Unit>>()
  private chosenBy = new Map<string, Set<Unit>>()
  private citedBy = new Map<string, Set<Unit>>()
  /**
   * How far from a change 相关阅读 can look: `NEAREST` plus the most documents any unit's sections have
   * shown (relations.ts raises it as it works out links; it never falls, which only marks a few more).
   */
  reach = NEAREST + 1

  /** Brings the index to `data`; returns the units whose links are to be worked out again. */
  update(data: RelationsInput): Set<Unit> {
    const afresh = !sameItems(this.topicList, data.topics)
    if (afresh) {
      this.topicList = data.topics
      this.topicById = new Map(data.topics.map((t) => [t.id, t]))
    }
    // The units of entries still there are marked seen; the others are gone.
    const seen = ++this.round
    const added: Unit[] = []
    const take = (entry: object, make: () => Unit) => {
      const known = afresh ? undefined : this.units.get(entry)
      if (known) known.seen = seen
      else added.push(make())
    }
    for (const r of data.resolutions) take(r, () => this.resolutionUnit(r))
    for (const b of data.bulletins) take(b, () => this.bulletinUnit(b))
    for (const n of data.news) take(n, () => this.newsUnit(n))
    for (const f of data.figures) take(f, () => this.figureUnit(f))
    const removed: Unit[] = []
    for (const u of this.units.values()) if (u.seen !== seen) removed.push(u)
    const size = this.units.size - removed.length + added.length
    if (afresh || added.length + removed.length > Math.max(1000, size * AFRESH_SHARE)) {
      const next = new Map<object, Unit>()
      for (const u of this.units.values()) if (u.seen === seen) next.set(u.entry, u)
      for (const u of added) next.set(u.entry, u)
      return this.rebuild(next)
    }

    const change = new Change(this)
    for (const u of removed) this.detach(u, change)
    for (const u of removed) this.units.delete(u.entry)
    for (const u of added) this.units.set(u.entry, u)
    for (const u of added) this.attach(u, change)
    return change.finish()
  }

  private unit(entry: object, key: string, facts: Facts, sub: string | null, region: RegionRef | null, topics: string[]): Unit {
    const { card, summaryCard } = facts
    const known = topics.filter((id) => this.topicById.has(id))
    const groups = groupsOf(card.kind, sub, region, known)
    return {
      entry,
      key,
      card,
      summaryCard,
      day: card.date ?? '',
      topics: known,
      groups,
      places: [],
      rank: 0,
      policy: null,
      reports: null,
      sourceBulletin: null,
      seen: this.round,
      links: null,
    }
  }
  private resolutionUnit(r: ResolutionEntry) {
    const facts = factsOf(
      r,
      () => ({ kind: '政策文件', title: numberedTitle(r), href: url.resolution(r), date: r.date }),
      () => r.summary ?? r.text,
      () => '',
    )
    return { ...this.unit(r, `r:${r.id}`, facts, r.docType, r.region, r.topics), policy: { id: r.id, docNumber: r.docNumber } }
  }
  private bulletinUnit(b: BulletinEntry) {
    const facts = factsOf(
      b,
      () => ({ kind: '简报快报', title: b.title, href: url.bulletin(b), date: b.date }),
      () => bulletinText(b),
      () => bulletinText(b),
    )
    return { ...this.unit(b, `b:${b.key}`, facts, b.series.slug, b.region, b.topics), reports: { chosen: b.policies, cited: facts.cited, interprets: null } }
  }
  private newsUnit(n: NewsEntry) {
    const facts = factsOf(
      n,
      () => ({ kind: '工作动态', title: n.title, href: url.news(n), date: filedOn.news(n) }),
      () => n.summary ?? n.text,
      () => n.text,
    )
    const u = this.unit(n, `n:${n.slug}`, facts, n.category, n.region, n.topics)
    return { ...u, reports: { chosen: n.policies, cited: facts.cited, interprets: n.interprets }, sourceBulletin: n.sourceBulletin?.key ?? null }
  }
  private figureUnit(f: FigureEntry) {
    const facts = factsOf(
      f,
      () => ({ kind: '文明典型', title: f.name, href: url.figure(f), date: filedOn.figure(f) }),
      () => f.summary,
      () => '',
    )
    return this.unit(f, `f:${f.slug}`, facts, f.category, f.region, f.topics)
  }

  /** Every unit anew: ranked once, grouped, and every article's and bulletin's policies found. */
  private rebuild(next: Map<object, Unit>): Set<Unit> {
    this.units = next
    this.byKey = new Map()
    this.policyById = new Map()
    this.ofNumber = new Map()
    this.policies = new Map()
    this.reporters = new Map()
    this.interpreters = new Map()
    this.fromBulletin = new Map()
    this.chosenBy = new Map()
    this.citedBy = new Map()
    this.ranked = [...next.values()].sort(byDayDesc)
    const members = new Map<string, Unit[]>()
    for (const u of this.ranked) {
      this.index(u)
      for (const g of u.groups) (members.get(g) ?? members.set(g, []).get(g)!).push(u)
    }
    this.members = members
    for (const u of this.ranked) if (u.reports) this.policies.set(u, this.findPolicies(u))
    for (const [u, found] of this.policies) for (const p of found) push(this.reporters, p.policy!.id, u)
    this.ranked.forEach((u, i) => (u.rank = i))
    for (const [g, list] of members) list.forEach((u, i) => (u.places[u.groups.indexOf(g)] = i))
    return new Set(this.ranked)
  }

  /** The lookups that list a unit among others, and under which key: entered and left alike. */
  private listedIn(u: Unit): [Map<string, Set<Unit>>, string][] {
    const at: [Map<string, Set<Unit>>, string][] = []
    if (u.policy?.docNumber) at.push([this.ofNumber, u.policy.docNumber])
    if (u.reports) {
      for (const id of u.reports.chosen) at.push([this.chosenBy, id])
      for (const number of u.reports.cited) at.push([this.citedBy, number])
      if (u.reports.interprets) at.push([this.interpreters, u.reports.interprets])
    }
    if (u.sourceBulletin) at.push([this.fromBulletin, u.sourceBulletin])
    return at
  }
  /** Enters a unit in the lookups (not in the ranked lists). */
  private index(u: Unit) {
    this.byKey.set(u.key, u)
    if (u.policy) this.policyById.set(u.policy.id, u)
    for (const [map, key] of this.listedIn(u)) push(map, key, u)
  }
  private unindex(u: Unit) {
    if (this.byKey.get(u.key) === u) this.byKey.delete(u.key)
    if (u.policy && this.policyById.get(u.policy.id) === u) this.policyById.delete(u.policy.id)
    for (const [map, key] of this.listedIn(u)) drop(map, key, u)
  }

  /** The policy a 文号 names: with two of the same number (never published by the CMS), the oldest, as a map of all of them would keep. */
  private policyNumbered(number: string) {
    let found: Unit | undefined
    for (const u of this.ofNumber.get(number) ?? []) if (!found || byDayDesc(found, u) < 0) found = u
    return found
  }
  /** Policies an article or a bulletin reports on: chosen by the editor, or cited by 文号 in its text; not one it explains. */
  private findPolicies(u: Unit): Unit[] {
    const { chosen, cited, interprets } = u.reports!
    const found = new Set<Unit>()
    for (const id of chosen) if (this.policyById.has(id)) found.add(this.policyById.get(id)!)
    for (const number of cited) {
      const p = this.policyNumbered(number)
      if (p) found.add(p)
    }
    return [...found].filter((p) => p.policy!.id !== interprets)
  }

  /** Takes a unit out, marking what it was near and what listed it. */
  private detach(u: Unit, change: Change) {
    this.ranked.splice(placeIn(this.ranked, u), 1)
    for (const g of u.groups) change.leaveGroup(g, u)
    this.unindex(u)
    if (u.policy) change.policyMoved(u.policy)
    for (const p of this.policies.get(u) ?? []) {
      drop(this.reporters, p.policy!.id, u)
      change.policyIds.add(p.policy!.id)
    }
    this.policies.delete(u)
    this.markListers(u, change)
  }
  private attach(u: Unit, change: Change) {
    this.ranked.splice(placeIn(this.ranked, u), 0, u)
    for (const g of u.groups) change.joinGroup(g, u)
    this.index(u)
    if (u.policy) change.policyMoved(u.policy)
    if (u.reports) change.refind.add(u)
    this.markListers(u, change)
    change.dirty.add(u)
  }
  /** The policy an article explains and the bulletin it came from list it. */
  private markListers(u: Unit, change: Change) {
    if (u.reports?.interprets) change.policyIds.add(u.reports.interprets)
    if (u.sourceBulletin) change.keys.add(`b:${u.sourceBulletin}`)
  }

  /** Finds an article's or a bulletin's policies again; when they changed, the policies' reports change too. */
  refindPolicies(u: Unit, change: Change) {
    const before = this.policies.get(u) ?? []
    const after = this.findPolicies(u)
    if (sameItems(before, after)) return
    for (const p of before) {
      drop(this.reporters, p.policy!.id, u)
      change.policyIds.add(p.policy!.id)
    }
    for (const p of after) {
      push(this.reporters, p.policy!.id, u)
      change.policyIds.add(p.policy!.id)
    }
    this.policies.set(u, after)
    change.dirty.add(u)
  }

  /** Units that choose, cite or explain a policy (found again when the policy comes, goes or is edited). */
  citing(policy: { id: string; docNumber: string | null }): Unit[] {
    return [...(this.chosenBy.get(policy.id) ?? []), ...(policy.docNumber ? (this.citedBy.get(policy.docNumber) ?? []) : [])]
  }
}

/** One update's marks: the groups it changed and the units, policies and bulletins whose links may have changed. */
class Change {
  dirty = new Set<Unit>()
  /** Units whose policies are to be found again. */
  refind = new Set<Unit>()
  /** Policies (by id) and units (by key) marked while their unit may still be replaced in this update. */
  policyIds = new Set<string>()
  keys = new Set<string>()
  private copied = new Set<string>()

  private readonly index: RelationIndex
  constructor(index: RelationIndex) {
    this.index = index
  }

  /** The group's list to change: copied once per update, so an unchanged group's list stays the same object. */
  private list(g: string) {
    const members = this.index.members
    if (!this.copied.has(g)) {
      this.copied.add(g)
      members.set(g, [...(members.get(g) ?? [])])
    }
    return members.get(g)!
  }
  private markNear(list: Unit[], at: number) {
    const reach = this.index.reach
    for (let i = Math.max(0, at - reach); i <= Math.min(list.length - 1, at + reach); i++) this.dirty.add(list[i]!)
  }
  leaveGroup(g: string, u: Unit) {
    const list = this.list(g)
    const at = placeIn(list, u)
    list.splice(at, 1)
    this.markNear(list, at)
  }
  joinGroup(g: string, u: Unit) {
    const list = this.list(g)
    const at = placeIn(list, u)
    list.splice(at, 0, u)
    this.markNear(list, at)
  }
  /** A policy came, went or changed: the units citing it find their policies again, and those explaining it show its new card. */
  policyMoved(policy: { id: string; docNumber: string | null }) {
    for (const u of this.index.citing(policy)) this.refind.add(u)
    for (const u of this.index.interpreters.get(policy.id) ?? []) this.dirty.add(u)
    this.policyIds.add(policy.id)
  }

  /** Completes the update: policies found again, ranks and places renumbered; returns the current dirty units. */
  finish(): Set<Unit> {
    const index = this.index
    for (const u of this.refind) if (index.units.get(u.entry) === u) index.refindPolicies(u, this)
    for (const id of this.policyIds) {
      const p = index.policyById.get(id)
      if (p) this.dirty.add(p)
    }
    for (const key of this.keys) {
      const u = index.byKey.get(key)
      if (u) this.dirty.add(u)
    }
    index.ranked.forEach((u, i) => (u.rank = i))
    for (const g of this.copied) {
      const list = index.members.get(g)!
      if (list.length === 0) index.members.delete(g)
      list.forEach((u, i) => (u.places[u.groups.indexOf(g)] = i))
    }
    return new Set([...this.dirty].filter((u) => index.units.get(u.entry) === u))
  }
}
