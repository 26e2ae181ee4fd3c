import { afterEach, describe, expect, it, vi } from 'vitest'

import { ANONYMOUS_MAX_LIMIT, apiCacheStats, capAnonymousQuery, invalidateApiCache, keptAnswer, MAX_CACHE_BYTES, withApiCache } from '../../cms/lib/apiCache.ts'
import { watchTransactions } from '../../cms/lib/transactions.ts'

const json = (bytes: number) => new Response('x'.repeat(bytes), { headers: { 'content-type': 'application/json' } })

describe('anonymous micro-cache', () => {
  it('stays within its byte budget however many distinct URLs are asked for', async () => {
    await invalidateApiCache()
    const handler = withApiCache(async () => json(400 * 1024))
    for (let i = 0; i < 200; i++) await handler(new Request(`http://cms.test/api/news?page=${String(i)}`))
    expect(apiCacheStats().bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES)
    expect(apiCacheStats().entries).toBeGreaterThan(0)
  })

  it('never keeps a file download, a non-JSON answer or an oversized body', async () => {
    await invalidateApiCache()
    let calls = 0
    const file = withApiCache(async () => (calls++, new Response('PNGDATA', { headers: { 'content-type': 'image/png' } })))
    await file(new Request('http://cms.test/api/media/file/a.png'))
    await file(new Request('http://cms.test/api/media/file/a.png'))
    expect(calls).toBe(2)
    const big = withApiCache(async () => json(2 * 1024 * 1024))
    await big(new Request('http://cms.test/api/news?limit=100'))
    expect(apiCacheStats().entries).toBe(0)
  })

  it('caps limit, depth and pagination for anonymous readers', () => {
    const capped = new URL(capAnonymousQuery(new Request('http://cms.test/api/news?limit=0&depth=9&pagination=false')).url)
    expect(capped.searchParams.get('limit')).toBe(String(ANONYMOUS_MAX_LIMIT))
    expect(capped.searchParams.get('depth')).toBe('2')
    expect(capped.searchParams.has('pagination')).toBe(false)
    expect(capAnonymousQuery(new Request('http://cms.test/api/news?limit=20')).url).toBe('http://cms.test/api/news?limit=20')
  })
})

/** A read that answers with how many times it ran, for the credentials it was given. */
const counting = () => {
  let runs = 0
  return withApiCache(async () => Response.json({ runs: ++runs }))
}
const runsOf = async (read: ReturnType<typeof counting>, headers: Record<string, string> = {}, url = 'http://cms.test/api/news?draft=true') =>
  ((await (await read(new Request(url, { headers }))).json()) as { runs: number }).runs
/** A token shaped like Payload's (only its payload is read here: the signature was Payload's to check). */
const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`

describe('answers kept for the reader they were read for', () => {
  afterEach(() => vi.useRealTimers())

  it('gives a signed-in answer back only for the same credentials, never to anyone else', async () => {
    await invalidateApiCache()
    const read = counting()
    const editor = { authorization: `JWT ${jwt({ id: 1, exp: Date.now() / 1000 + 3600 })}` }
    expect(await runsOf(read, editor)).toBe(1)
    expect(await runsOf(read, editor)).toBe(1)
    // Another account's token, a forged one, an anonymous reader: each is read afresh.
    expect(await runsOf(read, { authorization: `JWT ${jwt({ id: 2, exp: Date.now() / 1000 + 3600 })}` })).toBe(2)
    expect(await runsOf(read, { authorization: `${editor.authorization}x` })).toBe(3)
    expect(await runsOf(read)).toBe(4)
    // The session cookie counts only from a trusted origin (Payload's CSRF check): the origin is part of the key.
    const cookie = `payload-token=${jwt({ id: 1 })}`
    expect(await runsOf(read, { cookie, origin: 'http://cms.test' })).toBe(5)
    expect(await runsOf(read, { cookie, origin: 'https://evil.example' })).toBe(6)
    expect(await runsOf(read, { cookie, origin: 'http://cms.test' })).toBe(5)
  })

  it('keeps a signed-in answer no longer than its token is valid', async () => {
    await invalidateApiCache()
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), toFake: ['Date'] })
    const read = counting()
    const soon = { authorization: `Bearer ${jwt({ id: 1, exp: Date.now() / 1000 + 2 })}` }
    expect(await runsOf(read, soon)).toBe(1)
    expect(await runsOf(read, soon)).toBe(1)
    vi.setSystemTime(Date.now() + 2_000)
    expect(await runsOf(read, soon)).toBe(2)
  })

  it('never keeps an answer marked no-store', async () => {
    await invalidateApiCache()
    let runs = 0
    const read = withApiCache(async () => Response.json({ runs: ++runs }, { headers: { 'Cache-Control': 'no-store' } }))
    await read(new Request('http://cms.test/api/publish-targets/status'))
    await read(new Request('http://cms.test/api/publish-targets/status'))
    expect(runs).toBe(2)
    expect(apiCacheStats().entries).toBe(0)
  })

  it('is found by the server in front of Next under the same key, anonymous queries capped alike', async () => {
    await invalidateApiCache()
    const read = counting()
    const editor = { authorization: `JWT ${jwt({ id: 1 })}` }
    await runsOf(read, {}, 'http://cms.test/api/news?limit=0&depth=9')
    await runsOf(read, editor, 'http://cms.test/api/news?limit=0')
    const header = (headers: Record<string, string>) => (name: string) => headers[name]
    expect(keptAnswer('GET', '/api/news?limit=100000&depth=50', header({}))).toBeDefined()
    expect(keptAnswer('GET', '/api/news?limit=0', header(editor))).toBeDefined()
    expect(keptAnswer('GET', '/api/news?limit=0', header({ authorization: 'JWT other' }))).toBeUndefined()
    expect(keptAnswer('POST', '/api/news?limit=0', header(editor))).toBeUndefined()
    await invalidateApiCache()
    expect(keptAnswer('GET', '/api/news?limit=0', header(editor))).toBeUndefined()
  })
})

describe('invalidation with database transactions (MongoDB, or SQLite with transactions on)', () => {
  it('keeps nothing while a changing transaction is open, and clears again when it ends', async () => {
    await invalidateApiCache()
    const ended: string[] = []
    const ids = ['tx1', 'tx2']
    const db = {
      beginTransaction: async () => ids.shift()!,
      commitTransaction: async (id: unknown) => void ended.push(`commit ${String(id)}`),
      rollbackTransaction: async (id: unknown) => void ended.push(`rollback ${String(id)}`),
    }
    watchTransactions(db as never)
    await db.beginTransaction()
    let body = 'before'
    const read = withApiCache(async () => new Response(JSON.stringify({ body }), { headers: { 'content-type': 'application/json' } }))
    const get = async () => ((await (await read(new Request('http://cms.test/api/news?tx'))).json()) as { body: string }).body

    await invalidateApiCache({ transactionID: 'tx1' })
    body = 'uncommitted'
    expect(await get()).toBe('uncommitted')
    expect(apiCacheStats().entries).toBe(0)
    body = 'rolled back'
    await db.rollbackTransaction('tx1')
    expect(ended).toEqual(['rollback tx1'])
    expect(await get()).toBe('rolled back')
    expect(apiCacheStats().entries).toBe(1)

    await db.beginTransaction()
    await invalidateApiCache({ transactionID: Promise.resolve('tx2') as never })
    body = 'committed'
    await db.commitTransaction('tx2')
    expect(await get()).toBe('committed')
  })

  it('does not wait for a transaction that ended before the change asked, or that never began', async () => {
    await invalidateApiCache()
    let body = 'first'
    const read = withApiCache(async () => new Response(JSON.stringify({ body }), { headers: { 'content-type': 'application/json' } }))
    const get = async () => ((await (await read(new Request('http://cms.test/api/news?ended'))).json()) as { body: string }).body
    // A placeholder id (a change made without a transaction) leaves nothing open: answers are kept again.
    await invalidateApiCache({ transactionID: {} as never })
    expect(await get()).toBe('first')
    body = 'second'
    expect(await get()).toBe('first')
  })
})
