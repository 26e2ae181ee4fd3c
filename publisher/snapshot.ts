/**
 * The snapshot: every published document as the site shows it, with its `updatedAt` and the documents
 * it embeds. Each release keeps the snapshot it was rendered from; the next release starts from it and
 * re-reads only documents whose `updatedAt` changed, that appeared or disappeared, or that embed one
 * that did (a renamed 镇街, an edited series, a replaced image). Converted rich text is thereby reused
 * as long as its document is unchanged. Removals need no reading at all, so a document that cannot be
 * read never blocks taking another one down.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { rootDir } from '../cms/lib/paths.ts'
import { byIdOrder, countPublished, type IdRange, inIdRange, type LoadFailure, type Slug, loadDocuments, loadSiteIdentity, loadSynonyms, scanChanged, scanPublished } from '../site/lib/load.ts'
import { UNNAMED_SITE } from '../site/lib/site.ts'
import type { SiteIdentity } from '../site/lib/types.ts'
import type { SiteData } from '../site/lib/routes.ts'

export interface StoredDoc {
  updatedAt: string
  refs: string[]
  entry: unknown
}

export interface Snapshot {
  /** The entries' format: a snapshot of another version is not reused (every document is read again). */
  version: number
  docs: Record<Slug, Record<string, StoredDoc>>
  /** Media ids and `updatedAt`, to notice a replaced image or a changed description. */
  media: Record<string, string>
  synonyms: string[][]
  /** 站点设置. */
  site: SiteIdentity | null
  pages: string[]
  /** Per collection, when its last scan started (for `scanChanged`; older snapshots hold the newest `updatedAt` it saw, an earlier time). */
  seen?: Partial<Record<Slug | 'media', string>>
}

const SLUGS: Slug[] = ['regions', 'topics', 'bulletin-series', 'resolutions', 'bulletins', 'news', 'figures']
/** Raise when the entries' shape changes (site/lib/types.ts). */
const VERSION = 3

export const emptySnapshot = (): Snapshot => ({
  version: VERSION,
  docs: { regions: {}, topics: {}, 'bulletin-series': {}, resolutions: {}, bulletins: {}, news: {}, figures: {} },
  media: {},
  synonyms: [],
  site: null,
  pages: [],
})

export interface Refresh {
  snapshot: Snapshot
  /** Documents that could not be read; their last good version (if any) stays in the snapshot. */
  failures: LoadFailure[]
  reloaded: number
  removed: number
}

/**
 * How far back a scan looks before the last scan started: a document's `updatedAt` is set (by the CMS, on
 * this machine's clock) when its save starts, so a save still being written during the last scan carries
 * a time before it. Counted from the scan's start, not from the newest `updatedAt` it saw: after a bulk
 * import, that looked back over the import's last five minutes at every publish (2,228 policies and 3,632
 * bulletins read each time at 100,000 documents: 0.47 s).
 */
const OVERLAP_MS = 5 * 60_000

/**
 * The public documents of a collection now (id → `updatedAt`): what `known` held, brought up to date with
 * the documents changed since `seen` (O(changes) at any archive size). When the count then disagrees (a
 * document deleted, or made public with an older `updatedAt`), the id ranges whose counts disagree are
 * found by halving (`reconcile`); every id is read only without a `seen`, or when that does not add up.
 */
const scan = async (collection: Slug | 'media', known: Map<string, string>, seen: string | undefined): Promise<Map<string, string>> => {
  if (seen) {
    const current = new Map(known)
    const since = new Date(Date.parse(seen) - OVERLAP_MS).toISOString()
    for (const [id, doc] of await scanChanged(collection, since)) {
      if (doc.public) current.set(id, doc.updatedAt)
      else current.delete(id)
    }
    const total = await countPublished(collection)
    if (current.size === total) return current
    const reconciled = await reconcile(collection, current, total)
    if (reconciled.size === total) return reconciled
  }
  return scanPublished(collection)
}

/** Id ranges with at most this many known ids are read rather than halved again. */
const LEAF_IDS = 256

/**
 * `current` brought in line with the database by counting id ranges: a range whose count is the number of
 * known ids in it is taken as it is; any other is halved, down to ranges of `LEAF_IDS` known ids, which
 * are read. A deletion costs about log2(ids / LEAF_IDS) counts and one small read (at 50,000 news items
 * reading every id took 1.3–2.0 s). `total` is the collection's public count; `leaf` is for tests. A
 * deletion and an unknown public document in the same range cancel out, as they did in the total count
 * alone before: the full build reads every id (the backstop).
 */
export const reconcile = async (collection: Slug | 'media', current: Map<string, string>, total: number, leaf = LEAF_IDS): Promise<Map<string, string>> => {
  const ids = [...current.keys()].sort(byIdOrder)
  const result = new Map(current)
  const visit = async (lo: number, hi: number, range: IdRange, count: number): Promise<void> => {
    if (count === hi - lo) return
    if (count === 0 || hi - lo <= leaf) {
      for (let i = lo; i < hi; i++) result.delete(ids[i]!)
      if (count === 0) return
      // Only what lies in the range: a database that did not apply the bounds adds up wrong, and the caller reads every id.
      for (const [id, updatedAt] of await scanPublished(collection, range)) if (inIdRange(id, range)) result.set(id, updatedAt)
      return
    }
    const mid = (lo + hi) >> 1
    const left = { from: range.from, below: ids[mid] }
    const leftCount = await countPublished(collection, left)
    await visit(lo, mid, left, leftCount)
    await visit(mid, hi, { from: ids[mid], below: range.below }, count - leftCount)
  }
  await visit(0, ids.length, {}, total)
  return result
}

/**
 * Brings `previous` up to date with the database. `full`: read every id of every collection rather than
 * only what changed since the last scan (a full build does, as a backstop for any change the scan missed).
 */
export const refreshSnapshot = async (previous: Snapshot | null, { full = false } = {}): Promise<Refresh> => {
  const prev = previous?.version === VERSION ? previous : emptySnapshot()
  const seen = full ? {} : (prev.seen ?? {})
  const started = new Date().toISOString()
  const next = emptySnapshot()
  next.seen = {}
  const changed = new Set<string>()
  const toLoad = new Map<Slug, Set<string>>(SLUGS.map((s) => [s, new Set()]))
  let removed = 0
  for (const slug of SLUGS) {
    const before = prev.docs[slug]
    const current = await scan(slug, new Map(Object.entries(before).map(([id, d]) => [id, d.updatedAt])), seen[slug])
    next.seen[slug] = started
    for (const [id, updatedAt] of current) {
      if (before[id]) next.docs[slug][id] = before[id]
      if (before[id]?.updatedAt !== updatedAt) {
        changed.add(`${slug}:${id}`)
        toLoad.get(slug)!.add(id)
      }
    }
    for (const id of Object.keys(before)) {
      if (!current.has(id)) {
        changed.add(`${slug}:${id}`)
        removed++
      }
    }
  }
  const media = await scan('media', new Map(Object.entries(prev.media)), seen.media)
  next.seen.media = started
  for (const [id, updatedAt] of media) if (prev.media[id] !== updatedAt) changed.add(`media:${id}`)
  for (const id of Object.keys(prev.media)) if (!media.has(id)) changed.add(`media:${id}`)
  next.media = Object.fromEntries(media)
  // Entries that embed a changed document are read again.
  for (const slug of SLUGS) {
    for (const [id, doc] of Object.entries(next.docs[slug])) if (doc.refs.some((ref) => changed.has(ref))) toLoad.get(slug)!.add(id)
  }
  const failures: LoadFailure[] = []
  let reloaded = 0
  for (const slug of SLUGS) {
    const ids = [...toLoad.get(slug)!]
    if (ids.length === 0) continue
    const result = await loadDocuments(slug, ids)
    for (const doc of result.loaded) next.docs[slug][doc.id] = { updatedAt: doc.updatedAt, refs: doc.refs, entry: doc.entry }
    reloaded += result.loaded.length
    failures.push(...result.failures)
  }
  next.synonyms = await loadSynonyms()
  // The same object while 站点设置 is the same: every page's props hold it, and the publisher keeps a
  // page's hash while its props are the same objects (publisher/route-hash.ts).
  const site = await loadSiteIdentity()
  next.site = prev.site && JSON.stringify(prev.site) === JSON.stringify(site) ? prev.site : site
  next.pages = (await readdir(path.join(rootDir, 'content', 'pages'))).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4))
  return { snapshot: next, failures, reloaded, removed }
}

/** The upload files (`media/…`) an entry shows, found once per entry object (entries of unchanged documents carry over). */
const mediaOfEntry = new WeakMap<object, string[]>()
export const mediaUsed = (s: Snapshot): Set<string> => {
  const used = new Set<string>()
  for (const docs of Object.values(s.docs)) {
    for (const { entry } of Object.values(docs)) {
      if (!entry || typeof entry !== 'object') continue
      let files = mediaOfEntry.get(entry)
      if (!files) mediaOfEntry.set(entry, (files = JSON.stringify(entry).match(/"\/media\/[^"]+"/g)?.map((m) => m.slice(2, -1)) ?? []))
      for (const file of files) used.add(file)
    }
  }
  return used
}

const entries = <T>(docs: Record<string, StoredDoc>) => Object.values(docs).flatMap((d) => (d.entry ? [d.entry as T] : []))

/** The snapshot as the route table takes it. */
export const siteData = (s: Snapshot): SiteData => ({
  regions: entries(s.docs.regions),
  topics: entries(s.docs.topics),
  series: entries(s.docs['bulletin-series']),
  resolutions: entries(s.docs.resolutions),
  bulletins: entries(s.docs.bulletins),
  news: entries(s.docs.news),
  figures: entries(s.docs.figures),
  synonyms: s.synonyms,
  site: s.site ?? UNNAMED_SITE,
  pages: s.pages,
})
