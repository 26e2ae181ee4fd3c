/**
 * The search page's first module: small (0.6 KB compressed), so that the index's files start downloading
 * as soon as the page has it, while the search script (search.ts, a script of its own: 26 KB, most of it
 * OpenCC's tables) downloads and starts. It reads the release's partitions, starts the newest one's and
 * the delta's files and imports Pagefind's script.
 */
import type { RawResult } from './search-hits.ts'

declare global {
  interface Window {
    /**
     * `import()` of a URL known only at run time, defined by the search page in an inline script: the
     * bundler wraps every `import()` in its module-preload helper, a module of its own that the search
     * script had to download (one more round trip) before it could start.
     */
    importPagefind: (url: string) => Promise<unknown>
    /** The index loading, started by the search page's first script for the search script (loadSearchIndex). */
    searchIndexLoading: Promise<SearchIndex>
  }
}

export interface PagefindInstance {
  search: (
    q: string | null,
    o: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: RawResult[] } | null>
}
export interface PagefindModule {
  createInstance: (o: Record<string, unknown>) => PagefindInstance & { preload: (q: string, o: object) => Promise<void> }
}
/** `/pagefind/partitions.json`, written with each release (publisher/search-index.ts). */
export interface Partitions {
  /**
   * Newest first; `since`: the first day of the newest partition, which may start inside a year; `meta`:
   * its Pagefind metadata file (absent in partitions indexed before releases named it).
   */
  base: { path: string; meta?: string; from: number | null; to: number | null; since: string | null; pages: number }[]
  delta: { path: string; meta?: string; dates: Record<string, string | null> } | null
  removed: string[]
}

/**
 * Files Pagefind fetches one after the other when an instance starts (its entry file, then its metadata
 * and WebAssembly), downloaded here at once, in parallel with Pagefind's script: Pagefind's own requests
 * for them are answered from these downloads. The WebAssembly is the same file in every partition of a
 * release (one Pagefind version builds them all), so it is downloaded once for all of them.
 */
const earlyDownloads = () => {
  const plain = window.fetch.bind(window)
  const downloads = new Map<string, Promise<ArrayBuffer>>()
  /** The download's key: the path without Pagefind's cache-busting query; the WebAssembly by file name. */
  const keyOf = (url: URL) => /^\/pagefind\/[^/]+\/(wasm\.[\w-]+\.pagefind)$/.exec(url.pathname)?.[1] ?? url.pathname
  const urlOf = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input), location.href)
  const download = (key: string, input: RequestInfo | URL, init?: RequestInit) => {
    let found = downloads.get(key)
    if (!found) {
      found = plain(input, init).then((res) => {
        if (!res.ok) throw new Error(`HTTP ${String(res.status)}`)
        return res.arrayBuffer()
      })
      found.catch(() => downloads.delete(key))
      downloads.set(key, found)
    }
    return found
  }
  window.fetch = (input, init) => {
    const url = urlOf(input)
    const key = keyOf(url)
    if (url.origin !== location.origin || !downloads.has(key)) return plain(input, init)
    return download(key, input, init).then((bytes) => new Response(bytes.slice(0)))
  }
  const start = (path: string) => download(keyOf(urlOf(path)), path)
  /**
   * Starts downloading what the instance of partition `p` will ask for first. The index's language has
   * no stemmer (INDEX_LANGUAGE), so its WebAssembly is Pagefind's "unknown" one, which needs no entry
   * file; its metadata file is named in partitions.json (else in the entry file, read first).
   */
  return ({ path, meta }: Partition) => {
    void start(`${path}wasm.unknown.pagefind`)
    const entry = start(`${path}pagefind-entry.json`)
    if (meta) void start(`${path}${meta}`)
    else
      void entry
        .then((bytes) => {
          const languages = (JSON.parse(new TextDecoder().decode(bytes)) as { languages: Record<string, { hash: string }> }).languages
          for (const { hash } of Object.values(languages)) void start(`${path}pagefind.${hash}.pf_meta`)
        })
        .catch(() => undefined)
  }
}

/** What the search needs before it can start: the release's partitions and Pagefind's module. */
export interface SearchIndex {
  partitions: Partitions
  pagefind: PagefindModule
  /** Starts downloading what a partition's instance asks for first (the search page calls it as it creates one). */
  download: (p: Partition) => void
}
/** A partition of the index, as partitions.json names it. */
export type Partition = Pick<Partitions['base'][number], 'path' | 'meta'>

/** Starts loading the index (see above); the search script awaits it. */
export const loadSearchIndex = async (): Promise<SearchIndex> => {
  // User Timing marks, read by the benchmark (bench/lib/probe.ts) on the page's own clock.
  performance.mark('search:start')
  // The byte budget reads the resource timings of every index file a visit loads (search.ts, indexBytes).
  performance.setResourceTimingBufferSize(5000)
  // The page preloads this file; the server has browsers revalidate it on every load (it changes with
  // each release), so the request's cache mode stays the default one, which the preload matches.
  const partitions = (await (await fetch('/pagefind/partitions.json')).json()) as Partitions
  const first = partitions.base[0]
  if (!first) throw new Error('no search index')
  const startDownloads = earlyDownloads()
  startDownloads(first)
  if (partitions.delta) startDownloads(partitions.delta)
  const pagefind = (await window.importPagefind(`${first.path}pagefind.js`)) as PagefindModule
  return { partitions, pagefind, download: startDownloads }
}
