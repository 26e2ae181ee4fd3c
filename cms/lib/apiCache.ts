/**
 * A micro-cache for REST reads. Between two changes the same read with the same credentials gets the
 * same answer, so the CMS answers it from memory for a few seconds instead of querying again: anonymous
 * readers all share one answer; a signed-in reader's answers are kept under their own credentials.
 *
 * A kept answer is found by the request's path and query and by everything Payload's authentication
 * looks at (payload/auth/extractJWT: the Authorization header, the session cookie, Origin and
 * Sec-Fetch-Site), so it is only ever given back to a request that Payload would have taken for the same
 * reader. A signed-in answer is never kept past its token's expiry.
 *
 * It is bounded by bytes (never by entry count alone), keeps only JSON answers of bounded size, and never
 * file downloads, accounts, the job queue or an answer marked `no-store`. Anonymous requests are also
 * capped (`limit`, `depth`, `pagination`) before they reach Payload, cached or not, so one request cannot
 * ask for the whole archive.
 *
 * Every write through the database adapter clears it (writeWatch.ts): content, accounts (a logout, a role
 * changed), settings. While the writing transaction is open nothing new is stored (a read in that window
 * may still see the old row); when it ends, the cache is cleared again. Changes made by another process
 * (a CLI import) show after at most TTL_MS.
 *
 * The state lives on globalThis: Next's bundles, the Local API's own import of the configuration and the
 * CMS's server (cms/server.ts, which answers kept reads before Next routes them) all share one cache.
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

export interface KeptAnswer {
  /** Given back until then (ms since the epoch). */
  until: number
  headers: [string, string][]
  body: Uint8Array
}

interface CacheState {
  store: Map<string, KeptAnswer>
  bytes: number
  generation: number
  /** Transactions that wrote and have not ended yet. */
  openWrites: Set<unknown>
  reading: AsyncLocalStorage<true>
}

const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('wenming.apiCache')] ??= {
  store: new Map(),
  bytes: 0,
  generation: 0,
  openWrites: new Set(),
  reading: new AsyncLocalStorage<true>(),
} satisfies CacheState) as CacheState

const clear = () => {
  state.store.clear()
  state.bytes = 0
  state.generation++
}

/** Changes whenever cached answers became stale: anything derived from content compares it. */
export const apiCacheGeneration = () => state.generation

/** Changes being written now (nothing read meanwhile is kept). */
export const writesOpen = () => state.openWrites.size

/** Runs a REST read: its counts may be kept ones (countCache.ts). */
export const asRead = <T>(read: () => Promise<T>): Promise<T> => state.reading.run(true, read)
/** Whether the code running is a REST read's. */
export const inRead = () => state.reading.getStore() === true

/** The cache's current size, for tests and the benchmark. */
export const apiCacheStats = () => ({ entries: state.store.size, bytes: state.bytes })

/** Called by every write: clears now, and again once the write's transaction has ended. */
export const invalidateApiCache = async (req?: Pick<PayloadRequest, 'transactionID'>) => {
  clear()
  const id = await onTransactionEnd(req, (_committed, ended) => {
    state.openWrites.delete(ended)
    clear()
  })
  if (id !== null) state.openWrites.add(id)
}

/** A request header by its lower-case name (a fetch Request's, or a Node request's). */
type HeaderOf = (name: string) => string | null | undefined

const sessionCookie = (header: HeaderOf) => /(?:^|;\s*)payload-token=([^;]*)/.exec(header('cookie') ?? '')?.[1]

const isAnonymous = (header: HeaderOf) => !header('authorization') && sessionCookie(header) === undefined

const isFileDownload = (pathname: string) => /^\/api\/[^/]+\/file\//.test(pathname)

/** The anonymous request's URL with `limit`, `depth` and `pagination` brought within bounds (or null: already within). */
const cappedUrl = (url: URL): URL | null => {
  const limit = Number(url.searchParams.get('limit') ?? NaN)
  const depth = Number(url.searchParams.get('depth') ?? NaN)
  const capped = new URL(url)
  let changed = false
  if (url.searchParams.has('limit') && !(limit >= 1 && limit <= ANONYMOUS_MAX_LIMIT)) {
    capped.searchParams.set('limit', String(ANONYMOUS_MAX_LIMIT))
    changed = true
  }
  if (url.searchParams.has('depth') && !(depth >= 0 && depth <= ANONYMOUS_MAX_DEPTH)) {
    capped.searchParams.set('depth', String(ANONYMOUS_MAX_DEPTH))
    changed = true
  }
  if (url.searchParams.has('pagination')) {
    capped.searchParams.delete('pagination')
    changed = true
  }
  return changed ? capped : null
}

/** The URL Payload answers for a request: an anonymous GET's with its query brought within bounds. */
const answeredUrl = (method: string, url: URL, header: HeaderOf): URL => (method === 'GET' && isAnonymous(header) && cappedUrl(url)) || url

/** The anonymous request with `limit`, `depth` and `pagination` brought within bounds. */
export const capAnonymousQuery = (request: Request): Request => {
  const capped = cappedUrl(new URL(request.url))
  return capped ? new Request(capped, request) : request
}

/** Where a request's answer is kept, or null when it is never kept. The URL is the one Payload answers (capped). */
const keyOf = (method: string, url: URL, header: HeaderOf): string | null => {
  if (method !== 'GET') return null
  // Accounts, jobs, the build state and file downloads are never kept.
  if (/^\/api\/(users|payload-|site-build)/.test(url.pathname) || isFileDownload(url.pathname)) return null
  const credentials = [header('authorization'), sessionCookie(header), header('origin'), header('sec-fetch-site')]
  return [url.pathname + url.search, ...credentials.map((c) => c ?? '')].join('\n')
}

/** When the request's token (if it carries one) expires: a kept answer goes with it. */
const tokenExpiry = (header: HeaderOf): number => {
  const token = /^(?:JWT|Bearer) (.+)$/.exec(header('authorization') ?? '')?.[1] ?? sessionCookie(header)
  if (!token) return Infinity
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp * 1000 : Infinity
  } catch {
    return Infinity
  }
}

const lookUp = (key: string | null): KeptAnswer | undefined => {
  const hit = key === null ? undefined : state.store.get(key)
  if (!hit || Date.now() >= hit.until) return undefined
  // Refresh its place in the eviction order.
  state.store.delete(key!)
  state.store.set(key!, hit)
  return hit
}

/**
 * A kept answer for a request, looked up without running anything of the CMS (cms/server.ts asks before
 * Next routes the request). `pathAndQuery` is the request's target (`/api/news?limit=10`).
 */
export const keptAnswer = (method: string, pathAndQuery: string, header: HeaderOf): KeptAnswer | undefined => {
  if (method !== 'GET' || !pathAndQuery.startsWith('/api/')) return undefined
  return lookUp(keyOf(method, answeredUrl(method, new URL(pathAndQuery, 'http://cms.invalid'), header), header))
}

const remember = (key: string, entry: KeptAnswer) => {
  const size = entry.body.byteLength
  if (size > MAX_ENTRY_BYTES) return
  const old = state.store.get(key)
  if (old) {
    state.bytes -= old.body.byteLength
    state.store.delete(key)
  }
  // Oldest first out until the new body fits.
  for (const [k, e] of state.store) {
    if (state.bytes + size <= MAX_CACHE_BYTES) break
    state.bytes -= e.body.byteLength
    state.store.delete(k)
  }
  state.store.set(key, entry)
  state.bytes += size
}

const keepable = (response: Response) =>
  response.status === 200 && Boolean(response.headers.get('content-type')?.includes('application/json')) && !/no-store/.test(response.headers.get('cache-control') ?? '')

/** Wraps a route handler: anonymous reads are capped, and reads are answered from the cache while fresh. */
export const withApiCache =
  <A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) =>
  async (incoming: Request, ...rest: A): Promise<Response> => {
    const header: HeaderOf = (name) => incoming.headers.get(name)
    const incomingUrl = new URL(incoming.url)
    const url = answeredUrl(incoming.method, incomingUrl, header)
    const request = url === incomingUrl ? incoming : new Request(url, incoming)
    // Every GET is a read: its counts may be the kept ones (countCache.ts), signed in or not.
    const read = () => (request.method === 'GET' ? asRead(() => handler(request, ...rest)) : handler(request, ...rest))
    const key = keyOf(request.method, url, header)
    if (key === null) return read()
    const hit = lookUp(key)
    if (hit) return new Response(hit.body.slice(0), { status: 200, headers: [...hit.headers, ['x-cache', 'HIT']] })
    const startedIn = state.generation
    const at = Date.now()
    const response = await read()
    if (!keepable(response)) return response
    const body = new Uint8Array(await response.arrayBuffer())
    const headers = [...response.headers.entries()].filter(([k]) => k !== 'set-cookie' && k !== 'content-length')
    if (state.generation === startedIn && state.openWrites.size === 0) remember(key, { until: Math.min(at + TTL_MS, tokenExpiry(header)), headers, body })
    return new Response(body, { status: 200, headers: [...headers, ['x-cache', 'MISS']] })
  }
