/**
 * Brings the search index of a new release up to date (see search-index.ts for the layout) while the
 * release is written: every page of the release is handed in once (`add`), rendered or linked, and
 * `finish` completes the index.
 * - A fast publish re-indexes only the delta partition, at `finish`.
 * - A full build regroups the base partitions by the years of the release's documents (known from the
 *   route table before anything renders) and indexes each one as soon as its last page is handed in, so
 *   Pagefind works on older years while newer ones render (release.ts renders newest first). A partition
 *   whose pages did not change is hard-linked from the live release instead.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { INDEX_FILTER_COUNTS, PARTITION_FILTERS_FILE } from '../site/lib/filter-counts.ts'
import { byCodeUnits } from '../site/lib/order.ts'
import type { Route } from '../site/lib/routes.ts'
import { linkFiles, pool, searchFolders } from './files.ts'
import { fileFor } from './page-file.ts'
import {
  indexGroups,
  indexInput,
  type IndexInput,
  indexHere,
  indexLanes,
  metaFileOf,
  type IndexedPage,
  PAGEFIND_VERSION,
  type Partition,
  partitionOf,
  partitionRanges,
  partitionsFile,
  type SearchState,
  synonymsHash,
} from './search-index.ts'
import type { CompressOptions } from './precompress.ts'
import { indexFilterCounts, partitionFilters, readPartitionFilters } from './search-filters.ts'
import { linkStoredPartition, newStoredPartition, storedPartition } from './search-store.ts'

export type { SearchState }

interface Page {
  hash: string
  date: string | null
  input?: string
}

export interface SearchUpdate {
  mode: 'fast' | 'full'
  siteDir: string
  prevSite: string | null
  prev: SearchState | null
  prevFiles: Record<string, string>
  /** The release's route table: every URL that will be handed in, and the day of each document page. */
  routes: Map<string, Route>
  synonyms: string[][]
  write: (rel: string, data: Buffer) => Promise<void>
  /** Records a file written to the site directory by someone else (Pagefind), with its compressed copies; returns what it recorded (path → hash). */
  adopt: (rel: string, options?: CompressOptions) => Promise<Record<string, string>>
  /** Removes a folder of the site directory, and its files from the release's record. */
  discard: (relDir: string) => Promise<void>
  /** Records files (path, hash) the release has through a linked folder. */
  recordMany: (entries: (readonly [string, string])[]) => void
  log?: (line: string) => void
}

export interface SearchUpdater {
  /**
   * Hands in a page of the release: when it was rendered for this release, what is indexed of it
   * (indexInput; null when it is not indexed); nothing when it is the live release's page, linked (its
   * file must already be in place). Every URL that is part of the release is handed in exactly once; a
   * URL left out is not in the release.
   */
  add: (url: string, rendered?: IndexInput | null) => Promise<void>
  /** Hands in the live release's pages at `urls`, linked (as `add` with nothing else, for each). */
  addLinked: (urls: string[]) => Promise<void>
  finish: () => Promise<SearchState>
}

/** A partition's folder name ends in this key of its pages (and of what a partition holds besides Pagefind's files). */
const keyOf = (pages: Map<string, Page>) =>
  createHash('sha1')
    .update(`${PAGEFIND_VERSION}\0${PARTITION_FILTERS_FILE}`)
    .update([...pages].map(([url, p]) => `${url}\n${p.hash}`).sort().join('\n'))
    .digest('hex')
    .slice(0, 10)

/**
 * The files (path, hash) of each partition folder in the store, as the releases record them: a folder is
 * never written again, so they are listed once, not found again among a release's 330,000 files at every
 * publish (100,000 documents). Folders the release just made does not link to are forgotten when its update is done.
 */
const storedFiles = new Map<string, (readonly [string, string])[]>()

export const openSearchUpdate = (a: SearchUpdate): SearchUpdater => {
  const groups = indexGroups(a.synonyms)
  const synHash = synonymsHash(a.synonyms)
  const sameSynonyms = a.prev?.synonymsHash === synHash
  /** The live release's indexed pages by URL: only a full update asks (a fast one never reads them). */
  let knownPages: Map<string, IndexedPage> | undefined
  const known = () => (knownPages ??= pagesByUrl([...(a.prev?.base ?? []), ...(a.prev?.delta ? [a.prev.delta] : [])]))
  const lanes = indexLanes()

  /** A page's indexed input read back from the release being written (a page linked, not rendered). */
  const readInput = async (url: string) => indexInput(await readFile(path.join(a.siteDir, fileFor(url)), 'utf8'), groups)
  /** What is indexed of a page handed in, or null when it is not indexed. */
  const pageOf = async (url: string, rendered?: IndexInput | null): Promise<Page | null> => {
    if (rendered !== undefined) return rendered
    const page = known().get(url)
    if (!page) return null
    return sameSynonyms ? { hash: page.hash, date: page.date } : readInput(url)
  }
  /** The store's folders this release links to. */
  const usedStored = new Set<string>()
  /** The live release's files of a partition folder not in `storedFiles` (its file list grouped once, files.ts). */
  const unstoredFiles = (dir: string): [string, string][] => (searchFolders(a.prevFiles).get(`pagefind/${dir}`) ?? []).map((rel) => [rel, a.prevFiles[rel]!])
  /**
   * Gives the release the live release's partitions by linking to them in the store. A partition that a
   * release older than the store holds itself is first hard-linked into the store, once.
   */
  const linkPartitions = async (dirs: string[]) => {
    for (const dir of dirs) {
      let stored = await storedPartition(a.prevSite!, dir)
      const entries = (stored && storedFiles.get(stored)) || unstoredFiles(dir)
      if (!stored) {
        stored = newStoredPartition(dir)
        const prefix = `pagefind/${dir}/`
        await linkFiles(path.join(a.prevSite!, prefix), stored, entries.map(([rel]) => rel.slice(prefix.length)))
      }
      storedFiles.set(stored, entries)
      usedStored.add(stored)
      await linkStoredPartition(a.siteDir, dir, stored)
      a.recordMany(entries)
    }
  }
  /**
   * Indexes a partition into the release and records its files; returns its pages with their fragment ids.
   * `firstSearch`: a partition every first search loads (the newest, the delta), compressed at the best.
   * `here`: the only partition of the update, indexed in this process (indexHere), not in an index lane.
   */
  const index = async (dir: string, pages: Map<string, Page>, firstSearch: boolean, here = false): Promise<Record<string, IndexedPage>> => {
    const inputs = new Map<string, string>()
    // By URL: pages come in as their render lanes finish them, and the index's files are the same for the same pages.
    for (const [url, page] of [...pages].sort(([a], [b]) => byCodeUnits(a, b))) {
      const input = page.input ?? (await readInput(url))?.input
      if (!input) throw new Error(`${url} 不再是可索引的页面`)
      inputs.set(url, input)
    }
    const stored = newStoredPartition(dir)
    const fragments = await (here ? indexHere : lanes)({ outDir: stored, pages: inputs })
    await writeFile(path.join(stored, PARTITION_FILTERS_FILE), JSON.stringify(partitionFilters(fragments, inputs)))
    await linkStoredPartition(a.siteDir, dir, stored)
    const files = (await readdir(stored, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
    // A few at a time: compression runs on libuv's threads, so the best quality uses every core.
    const entries: [string, string][] = []
    await pool(files, 8, async (e) => {
      entries.push(...Object.entries(await a.adopt(path.join('pagefind', dir, path.relative(stored, path.join(e.parentPath, e.name))), { best: firstSearch })))
    })
    storedFiles.set(stored, entries)
    usedStored.add(stored)
    return Object.fromEntries(
      [...pages].map(([url, page]) => {
        const fragment = fragments.get(url)
        if (!fragment) throw new Error(`Pagefind 没有为 ${url} 生成索引条目`)
        return [url, { hash: page.hash, date: page.date, fragment }]
      }),
    )
  }
  const done = async (state: SearchState) => {
    for (const stored of storedFiles.keys()) if (!usedStored.has(stored)) storedFiles.delete(stored)
    // Each partition's metadata file, read once from its entry file when it is new (kept in the release's record from then on).
    for (const p of [...state.base, ...(state.delta ? [state.delta] : [])]) p.meta ??= await metaFileOf(path.join(a.siteDir, 'pagefind', p.dir))
    await a.write('pagefind/partitions.json', Buffer.from(partitionsFile(state)))
    // The whole index's filter counts, from the partitions' own tables (a partition from before they
    // existed has none: then no counts until the next full build indexes it again).
    const tables = await Promise.all([...state.base, ...(state.delta ? [state.delta] : [])].map((p) => readPartitionFilters(path.join(a.siteDir, 'pagefind'), p.dir)))
    if (tables.every((t) => t !== null)) await a.write(INDEX_FILTER_COUNTS.slice(1), Buffer.from(JSON.stringify(indexFilterCounts(tables, new Set(state.removed)))))
    return state
  }

  if (a.mode === 'fast' && a.prev && sameSynonyms) {
    const urls = new Set<string>()
    /** Every page rendered for this release: one no longer indexed must drop its base entry too. */
    const rendered = new Set<string>()
    const fresh = new Map<string, Page>()
    return {
      add: async (url, page) => {
        urls.add(url)
        if (page === undefined) return
        rendered.add(url)
        if (page) fresh.set(url, page)
      },
      // At 100,000 documents a publish links 107,000 pages: one call, not an awaited call each.
      addLinked: async (linked) => {
        for (const url of linked) urls.add(url)
      },
      // The delta is the one partition a fast update indexes.
      finish: async () => done(await fastUpdate(a.prev!, { urls, rendered, fresh }, linkPartitions, (dir, pages) => index(dir, pages, true, true))),
    }
  }
  return fullUpdate(a, { pageOf, linkPartitions, index, done, sameSynonyms, synHash })
}

/**
 * The base partitions' pages by URL, kept per list of partitions: fast publishes hand the same base on
 * until a full build makes a new one (gathering 107,000 pages at every publish cost a fifth of a second).
 */
const basesSeen = new WeakMap<Partition[], Map<string, IndexedPage>>()
const basePages = (base: Partition[]) => basesSeen.get(base) ?? basesSeen.set(base, pagesByUrl(base)).get(base)!

/** The indexed pages of partitions by URL. */
const pagesByUrl = (partitions: Partition[]) => {
  const pages = new Map<string, IndexedPage>()
  for (const p of partitions) for (const [url, page] of Object.entries(p.pages)) pages.set(url, page)
  return pages
}

/** The delta: every page new or changed since the base partitions were built, and the base entries to drop. */
const fastUpdate = async (
  prev: SearchState,
  { urls, rendered, fresh }: { urls: Set<string>; rendered: Set<string>; fresh: Map<string, Page> },
  linkPartitions: (dirs: string[]) => Promise<void>,
  index: (dir: string, pages: Map<string, Page>) => Promise<Record<string, IndexedPage>>,
): Promise<SearchState> => {
  const base = basePages(prev.base)
  const delta = new Map<string, Page>()
  for (const [url, page] of Object.entries(prev.delta?.pages ?? {})) if (urls.has(url) && !rendered.has(url)) delta.set(url, page)
  for (const [url, page] of fresh) if (base.get(url)?.hash !== page.hash) delta.set(url, page)
  const removed: string[] = []
  for (const [url, page] of base) if (!urls.has(url) || delta.has(url) || (rendered.has(url) && !fresh.has(url))) removed.push(page.fragment)
  removed.sort()
  await linkPartitions(prev.base.map((p) => p.dir))
  let deltaPartition: Partition | null = null
  if (delta.size > 0) {
    const dir = `delta-${keyOf(delta)}`
    if (prev.delta?.dir === dir) {
      await linkPartitions([dir])
      deltaPartition = prev.delta
    } else deltaPartition = { dir, from: null, to: null, pages: await index(dir, delta) }
  }
  return { base: prev.base, delta: deltaPartition, removed, synonymsHash: prev.synonymsHash }
}

interface FullContext {
  pageOf: (url: string, rendered?: IndexInput | null) => Promise<Page | null>
  linkPartitions: (dirs: string[]) => Promise<void>
  index: (dir: string, pages: Map<string, Page>, firstSearch: boolean) => Promise<Record<string, IndexedPage>>
  done: (state: SearchState) => Promise<SearchState>
  sameSynonyms: boolean
  synHash: string
}

/**
 * The base partitions, rebuilt: grouped by the years of the route table's documents, each closed (linked
 * or sent to an index lane) once every URL planned into it has been handed in. A page whose indexed day
 * falls into a partition already closed (its route's day disagreed with its page) reopens that partition,
 * which is indexed again at the end.
 */
const fullUpdate = (a: SearchUpdate, c: FullContext): SearchUpdater => {
  const ranges = partitionRanges([...a.routes.values()].flatMap((r) => (r.date ? [r.date] : [])))
  const plannedIn = (url: string) => partitionOf(a.routes.get(url)?.date ?? null, ranges)
  const remaining = ranges.map(() => 0)
  for (const url of a.routes.keys()) remaining[plannedIn(url)]!++
  const members = ranges.map(() => new Map<string, Page>())
  const previous = new Map((a.prev?.base ?? []).map((p) => [p.dir, p]))
  const closed: (Promise<Partition> | undefined)[] = []
  const reopened = new Set<number>()

  const close = (i: number) => {
    const pages = members[i]!
    const range = ranges[i]!
    const dir = `p${String(range.to ?? 'all')}${range.from !== range.to ? `-${String(range.from)}` : ''}${range.since ? `-since${range.since.replaceAll('-', '')}` : ''}-${keyOf(pages)}`
    const old = previous.get(dir)
    closed[i] = (async () => {
      if (old && c.sameSynonyms) {
        await c.linkPartitions([dir])
        return old
      }
      a.log?.(`  索引 ${dir}（${String(pages.size)} 页）`)
      const indexed = await c.index(dir, pages, i === 0)
      // The indexed text of its pages is not needed again (a reopened partition reads it from the pages):
      // a full build would otherwise hold every page's text until the end.
      for (const page of pages.values()) delete page.input
      return { dir, from: range.from, to: range.to, since: range.since, pages: indexed }
    })()
    // Failures surface at finish(); until then a rejected partition must not be an unhandled rejection.
    closed[i].catch(() => undefined)
  }
  const handedIn = (url: string) => {
    const i = plannedIn(url)
    if (--remaining[i]! === 0) close(i)
  }

  const add = async (url: string, rendered?: IndexInput | null) => {
    const page = await c.pageOf(url, rendered)
    if (page) {
      const k = partitionOf(page.date, ranges)
      members[k]!.set(url, page)
      if (closed[k]) reopened.add(k)
    }
    if (a.routes.has(url)) handedIn(url)
  }
  return {
    add,
    addLinked: async (urls) => {
      for (const url of urls) await add(url)
    },
    finish: async () => {
      // URLs of the route table not handed in (pages that failed without an earlier version) close their partitions too.
      for (const [i, left] of remaining.entries()) if (left > 0 && !closed[i]) close(i)
      const base = await Promise.all(closed.map((p) => p!))
      for (const i of reopened) {
        await a.discard(`pagefind/${base[i]!.dir}`)
        close(i)
        base[i] = await closed[i]!
      }
      return c.done({ base, delta: null, removed: [], synonymsHash: c.synHash })
    },
  }
}
