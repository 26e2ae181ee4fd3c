/**
 * A micro-cache for anonymous REST reads. Anonymous readers all see the same published content, so the
 * CMS answers repeated anonymous GETs from memory for a few seconds instead of querying again. Every
 * content change made through this server clears it at once (see hooks/publishToLive.ts); changes made
 * by another process (a CLI import) show after at most TTL_MS.
 */

const TTL_MS = 5_000
const MAX_ENTRIES = 1_000

interface Entry {
  at: number
  status: number
  headers: [string, string][]
  body: ArrayBuffer
}

const store = new Map<string, Entry>()

/** Drops every cached answer (after any content change). */
export const clearApiCache = () => store.clear()

const cacheable = (request: Request) => {
  if (request.method !== 'GET') return false
  if (request.headers.get('authorization')) return false
  if (/(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')) return false
  const { pathname } = new URL(request.url)
  // Accounts, jobs and the build state are never cached.
  return !/^\/api\/(users|payload-|site-build)/.test(pathname)
}

/** Wraps a route handler: anonymous GETs are served from the cache while fresh. */
export const withApiCache =
  <A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) =>
  async (request: Request, ...rest: A): Promise<Response> => {
    if (!cacheable(request)) return handler(request, ...rest)
    const key = request.url
    const hit = store.get(key)
    if (hit && Date.now() - hit.at < TTL_MS) {
      return new Response(hit.body.slice(0), { status: hit.status, headers: [...hit.headers, ['x-cache', 'HIT']] })
    }
    const response = await handler(request, ...rest)
    if (response.status !== 200) return response
    const body = await response.arrayBuffer()
    const headers = [...response.headers.entries()].filter(([k]) => k !== 'set-cookie' && k !== 'content-length')
    if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value as string)
    store.set(key, { at: Date.now(), status: 200, headers, body })
    return new Response(body.slice(0), { status: 200, headers: [...headers, ['x-cache', 'MISS']] })
  }
