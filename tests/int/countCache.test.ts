// Counts kept on REST reads (cms/lib/countCache.ts): a list read again counts from memory, a change made
// through the CMS is counted at once, and nothing but a REST read uses a kept count.
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { asRead } from '../../cms/lib/apiCache.ts'
import { markdownToRichText } from '../../cms/lib/richText.ts'
import { cms, marker } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

const publishedNews = () => asRead(async () => (await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 1, depth: 0, overrideAccess: true })).totalDocs)

const countOutsideRead = async () => (await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 1, depth: 0, overrideAccess: true })).totalDocs
/** A change made behind the CMS's back (as another process would): no hook runs, nothing is invalidated here. */
const behindTheBack = async (id: number | string, status: string) => {
  const db = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
  await db.drizzle.run(sql`UPDATE news SET _status = ${status} WHERE id = ${id}`)
}

describe('kept counts', () => {
  it('answers a REST read again from the kept count, counts a change made here at once, and never keeps a write’s count', async () => {
    const doc = await payload.create({
      collection: 'news',
      data: { title: marker(), date: '2024-06-01T12:00:00.000Z', category: '文明实践', body: await markdownToRichText('计数'), _status: 'published' },
      context: { skipRebuild: true },
      overrideAccess: true,
    })
    const before = await publishedNews()
    // Taken down behind the CMS's back: a REST read within the TTL still has the kept count, anything
    // else (a write's check, say) counts afresh.
    await behindTheBack(doc.id, 'draft')
    expect(await publishedNews()).toBe(before)
    expect(await countOutsideRead()).toBe(before - 1)
    await behindTheBack(doc.id, 'published')
    // A change made through the CMS is counted at once.
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' }, context: { skipRebuild: true }, overrideAccess: true })
    expect(await publishedNews()).toBe(before - 1)
    await payload.delete({ collection: 'news', id: doc.id, context: { skipRebuild: true }, overrideAccess: true })
  })
})
