/**
 * Brings the search index of a new release up to date (see search-index.ts for the layout): a fast
 * publish re-indexes only the delta partition; a full build regroups the base partitions and re-indexes
 * only those whose pages changed. Unchanged partitions are hard-linked from the live release.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { fileFor } from './files.ts'
import {
  indexInput,
  type IndexedPage,
  PAGEFIND_VERSION,
  type Partition,
  partitionOf,
  partitionsFile,
  partitionYears,
  type SearchState,
  synonymsHash,
  writePartitions,
} from './search-index.ts'

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
  /** Pages rendered for this release (URL → HTML); every other page is the live release's. */
  rendered: Map<string, string>
  /** Every URL of the new release. */
  urls: Set<string>
  synonyms: string[][]
  write: (rel: string, data: Buffer) => Promise<void>
  /** Records a file written to the site directory by someone else (Pagefind). */
  adopt: (rel: string) => Promise<void>
  reuse: (from: string, rel: string, hash: string) => Promise<void>
}

const keyOf = (pages: Map<string, Page>) =>
  createHash('sha1')
    .update(PAGEFIND_VERSION)
    .update([...pages].map(([url, p]) => `${url}\n${p.hash}`).sort().join('\n'))
    .digest('hex')
    .slice(0, 10)

export const updateSearch = async (a: SearchUpdate): Promise<SearchState> => {
  const groups = a.synonyms.map((words) => ({ words }))
  const synHash = synonymsHash(a.synonyms)
  const fresh = new Map<string, Page>()
  for (const [url, html] of a.rendered) {
    const x = indexInput(html, groups)
    if (x) fresh.set(url, x)
  }
  /** A page's indexed input read back from the release being written (a page linked, not rendered). */
  const readInput = async (url: string) => indexInput(await readFile(path.join(a.siteDir, fileFor(url)), 'utf8'), groups)
  const inputOf = async (url: string, page: Page) => {
    if (page.input) return page.input
    const x = await readInput(url)
    if (!x) throw new Error(`${url} 不再是可索引的页面`)
    return x.input
  }
  const linkPartition = async (dir: string) => {
    const prefix = `pagefind/${dir}/`
    for (const [rel, hash] of Object.entries(a.prevFiles)) if (rel.startsWith(prefix)) await a.reuse(a.prevSite!, rel, hash)
  }
  /** Indexes partitions (in parallel) into the release and records their files. */
  const indexAll = async (jobs: { dir: string; pages: Map<string, Page> }[]): Promise<Record<string, IndexedPage>[]> => {
    const inputs: { outDir: string; pages: Map<string, string> }[] = []
    for (const job of jobs) {
      const pages = new Map<string, string>()
      for (const [url, page] of job.pages) pages.set(url, await inputOf(url, page))
      inputs.push({ outDir: path.join(a.siteDir, 'pagefind', job.dir), pages })
    }
    const fragments = await writePartitions(inputs)
    return Promise.all(
      jobs.map(async (job, i) => {
        const outDir = inputs[i]!.outDir
        for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
          if (entry.isFile()) await a.adopt(path.relative(a.siteDir, path.join(entry.parentPath, entry.name)))
        }
        return Object.fromEntries(
          [...job.pages].map(([url, page]) => {
            const fragment = fragments[i]!.get(url)
            if (!fragment) throw new Error(`Pagefind 没有为 ${url} 生成索引条目`)
            return [url, { hash: page.hash, date: page.date, fragment }]
          }),
        )
      }),
    )
  }
  const index = async (dir: string, pages: Map<string, Page>) => (await indexAll([{ dir, pages }]))[0]!

  {
    let state: SearchState
    if (a.mode === 'fast' && a.prev && a.prev.synonymsHash === synHash) state = await fastUpdate(a, fresh, linkPartition, index)
    else {
      // Every indexed page: rendered now, or unchanged since the live release (known from its search state).
      const all = new Map<string, Page>(fresh)
      const known = new Map<string, IndexedPage>()
      for (const p of [...(a.prev?.base ?? []), ...(a.prev?.delta ? [a.prev.delta] : [])]) for (const [url, page] of Object.entries(p.pages)) known.set(url, page)
      for (const [url, page] of known) {
        if (all.has(url) || a.rendered.has(url) || !a.urls.has(url)) continue
        if (a.prev?.synonymsHash === synHash) all.set(url, { hash: page.hash, date: page.date })
        else {
          const x = await readInput(url)
          if (x) all.set(url, x)
        }
      }
      const ranges = partitionYears([...all.values()].map((p) => p.date))
      const members = ranges.map(() => new Map<string, Page>())
      for (const [url, page] of all) members[partitionOf(page.date, ranges)]!.set(url, page)
      const previous = new Map((a.prev?.base ?? []).map((p) => [p.dir, p]))
      const base: Partition[] = []
      const toIndex: { i: number; dir: string; pages: Map<string, Page> }[] = []
      for (const [i, range] of ranges.entries()) {
        const pages = members[i]!
        const dir = `p${String(range.to ?? 'all')}${range.from !== range.to ? `-${String(range.from)}` : ''}-${keyOf(pages)}`
        const old = previous.get(dir)
        if (old && a.prev?.synonymsHash === synHash) {
          await linkPartition(dir)
          base[i] = old
        } else {
          base[i] = { dir, from: range.from, to: range.to, pages: {} }
          toIndex.push({ i, dir, pages })
        }
      }
      const indexed = await indexAll(toIndex)
      for (const [k, job] of toIndex.entries()) base[job.i]!.pages = indexed[k]!
      state = { base, delta: null, removed: [], synonymsHash: synHash }
    }
    await a.write('pagefind/partitions.json', Buffer.from(partitionsFile(state)))
    return state
  }
}

/** The delta: every page new or changed since the base partitions were built, and the base entries to drop. */
const fastUpdate = async (
  a: SearchUpdate,
  fresh: Map<string, Page>,
  linkPartition: (dir: string) => Promise<void>,
  index: (dir: string, pages: Map<string, Page>) => Promise<Record<string, IndexedPage>>,
): Promise<SearchState> => {
  const prev = a.prev!
  const base = new Map<string, IndexedPage>()
  for (const p of prev.base) for (const [url, page] of Object.entries(p.pages)) base.set(url, page)
  const delta = new Map<string, Page>()
  for (const [url, page] of Object.entries(prev.delta?.pages ?? {})) if (a.urls.has(url) && !a.rendered.has(url)) delta.set(url, page)
  for (const [url, page] of fresh) if (base.get(url)?.hash !== page.hash) delta.set(url, page)
  const removed = [...base]
    .filter(([url]) => !a.urls.has(url) || delta.has(url) || (a.rendered.has(url) && !fresh.has(url)))
    .map(([, page]) => page.fragment)
    .sort()
  for (const p of prev.base) await linkPartition(p.dir)
  let deltaPartition: Partition | null = null
  if (delta.size > 0) {
    const dir = `delta-${keyOf(delta)}`
    if (prev.delta?.dir === dir) {
      await linkPartition(dir)
      deltaPartition = prev.delta
    } else deltaPartition = { dir, from: null, to: null, pages: await index(dir, delta) }
  }
  return { base: prev.base, delta: deltaPartition, removed, synonymsHash: prev.synonymsHash }
}
