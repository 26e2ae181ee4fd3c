import { describe, expect, it } from 'vitest'

import { ANONYMOUS_MAX_LIMIT, apiCacheStats, capAnonymousQuery, invalidateApiCache, MAX_CACHE_BYTES, withApiCache } from '../../cms/lib/apiCache.ts'
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
