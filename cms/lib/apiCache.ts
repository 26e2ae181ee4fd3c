/**
 * A micro-cache for anonymous REST reads. Anonymous readers all see the same published content, so the
 * CMS answers repeated anonymous GETs from memory for a few seconds instead of querying again.
 *
 * It is bounded by bytes (never by entry count alone), keeps only JSON answers of bounded size, and never
 * file downloads or unpaginated lists. Anonymous requests are also capped (`limit`, `depth`,
 * `pagination`) before they reach Payload, cached or not, so one request cannot ask for the whole archive.
 *
 * Invalidation happens after the writing transaction commits: a change clears the cache at once, and
 * while its transaction is open nothing new is stored (a read in that window may still see the old row);
 * when it commits, the cache is cleared again. Changes made by another process (a CLI import) show after
 * at most TTL_MS.
 */
import type { PayloadRequest } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'

import { onTransactionEnd } from './transactions.ts'

export const TTL_MS = 5_000
/** All cached bodies together. */
export const MAX_CACHE_BYTES = 32 * 1024 * 1024
/** One cached body; larger answers are served but not kept. */
export const MAX_ENTRY_BYTES = 512 * 1024
/** Anonymous readers get at most this many documents a page, this deep. */
export const ANONYMOUS_MAX_LIMIT = 100
export const ANONYMOUS_MAX_DEPTH = 2

interface Entry {
  at: number
  headers: [string, string][]
  body: ArrayBuffer
}

const store = new Map<string, Entry>()
let bytes = 0
let generation = 0
/** Transactions that changed content and have not ended yet. */
const openWrites = new Set<unknown>()

const clear = () => {
  store.clear()
  bytes = 0
  generation++
}

/** Changes whenever cached answers became stale: anything derived from content compares it. */
export const apiCacheGeneration = () => generation

/** Changes being written now (nothing read meanwhile is kept). */
export const writesOpen = () => openWrites.size

// One for the process: the route handler and the database adapter may load this module apart (Next's
// bundles, the Local API's own import of the configuration).
const reading = ((globalThis as Record<symbol, unknown>)[Symbol.for('wenming.restRead')] ??= new AsyncLocalStorage<true>()) as AsyncLocalStorage<true>
/** Runs a REST read: its counts may be kept ones (countCache.ts). */
export const asRead = <T>(read: () => Promise<T>): Promise<T> => reading.run(true, read)
/** Whether the code running is a REST read's. */
export const inRead = () => reading.getStore() === true

/** The cache's current size, for tests and the benchmark. */
export const apiCacheStats = () => ({ entries: store.size, bytes })

/** Called by every content change: clears now, and again once the change's transaction has ended. */
export const invalidateApiCache = async (req?: Pick<PayloadRequest, 'transactionID'>) => {
  clear()
  const id = await onTransactionEnd(req, (_committed, ended) => {
    openWrites.delete(ended)
    clear()
  })
  if (id !== null) openWrites.add(id)
}

const isAnonymous = (request: Request) =>
  !request.headers.get('authorization') && !/(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')

const isFileDownload = (pathname: string) => /^\/api\/[^/]+\/file\//.test(pathname)

/** The anonymous request with `limit`, `depth` and `pagination` brought within bounds. */
export const capAnonymousQuery = (request: Request): Request => {
  const url = new URL(request.url)
  const limit = Number(url.searchParams.get('limit') ?? NaN)
  const depth = Number(url.searchParams.get('depth') ?? NaN)
  let changed = false
  if (url.searchParams.has('limit') && !(limit >= 1 && limit <= ANONYMOUS_MAX_LIMIT)) {
    url.searchParams.set('limit', String(ANONYMOUS_MAX_LIMIT))
    changed = true
  }
  if (url.searchParams.has('depth') && !(depth >= 0 && depth <= ANONYMOUS_MAX_DEPTH)) {
    url.searchParams.set('depth', String(ANONYMOUS_MAX_DEPTH))
    changed = true
  }
  if (url.searchParams.has('pagination')) {
    url.searchParams.delete('pagination')
    changed = true
  }
  return changed ? new Request(url, request) : request
}

const cacheable = (request: Request) => {
  if (request.method !== 'GET' || !isAnonymous(request)) return false
  const { pathname } = new URL(request.url)
  // Accounts, jobs, the build state and file downloads are never cached.
  return !/^\/api\/(users|payload-|site-build)/.test(pathname) && !isFileDownload(pathname)
}

const remember = (key: string, entry: Entry) => {
  const size = entry.body.byteLength
  if (size > MAX_ENTRY_BYTES) return
  const old = store.get(key)
  if (old) {
    bytes -= old.body.byteLength
    store.delete(key)
  }
  // Oldest first out until the new body fits.
  for (const [k, e] of store) {
    if (bytes + size <= MAX_CACHE_BYTES) break
    bytes -= e.body.byteLength
    store.delete(k)
  }
  store.set(key, entry)
  bytes += size
}

/** Wraps a route handler: anonymous reads are capped, and served from the cache while fresh. */
export const withApiCache =
  <A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) =>
  async (incoming: Request, ...rest: A): Promise<Response> => {
    const request = incoming.method === 'GET' && isAnonymous(incoming) ? capAnonymousQuery(incoming) : incoming
    // Every GET is a read: its counts may be the kept ones (countCache.ts), signed in or not.
    const read = () => (request.method === 'GET' ? asRead(() => handler(request, ...rest)) : handler(request, ...rest))
    if (!cacheable(request)) return read()
    const key = request.url
    const hit = store.get(key)
    if (hit && Date.now() - hit.at < TTL_MS) {
      // Refresh its place in the eviction order.
      store.delete(key)
      store.set(key, hit)
      return new Response(hit.body.slice(0), { status: 200, headers: [...hit.headers, ['x-cache', 'HIT']] })
    }
    const startedIn = generation
    const response = await read()
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('application/json')) return response
    const body = await response.arrayBuffer()
    const headers = [...response.headers.entries()].filter(([k]) => k !== 'set-cookie' && k !== 'content-length')
    if (generation === startedIn && openWrites.size === 0) remember(key, { at: Date.now(), headers, body })
    return new Response(body, { status: 200, headers: [...headers, ['x-cache', 'MISS']] })
  }
