import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { reconcile, refreshSnapshot } from '../../publisher/snapshot.ts'
import { countPublished, scanPublished } from '../../site/lib/load.ts'
import { cms, marker } from './helpers.ts'

// The publisher's change scan finds deletions by counting id ranges (publisher/snapshot.ts), on the real
// database: ranges of two known ids here, so a few dozen news items are halved several times over.
let payload: Payload
const quiet = { context: { skipRebuild: true }, overrideAccess: true } as const
const made: number[] = []

beforeAll(async () => {
  payload = await cms()
  const tag = marker()
  for (let i = 0; i < 12; i++) {
    const doc = await payload.create({
      collection: 'news',
      data: {
        title: `${tag} ${String(i)}`,
        slug: `snapshot-${Date.now().toString(36)}-${String(i)}`,
        date: '2023-05-06T04:00:00.000Z',
        category: '文明实践',
        body: await markdownToRichText('正文。'),
        _status: 'published',
      },
      ...quiet,
    })
    made.push(doc.id)
  }
}, 120_000)

afterAll(async () => {
  for (const id of made) await payload.delete({ collection: 'news', id, ...quiet }).catch(() => undefined)
})

describe('the change scan', () => {
  it('finds deleted and unpublished documents, and public ones it did not know, by counting id ranges', async () => {
    const known = await scanPublished('news')
    expect(known.size).toBeGreaterThan(made.length)
    // A document the snapshot never knew (made public with an older updatedAt, say) is found.
    const unknown = String(made[3])
    const stale = new Map(known)
    stale.delete(unknown)
    expect(await reconcile('news', stale, known.size, 2)).toEqual(known)
    // The first, a middle and the last of the documents made are deleted; one is taken down.
    const gone = [made[0]!, made[5]!, made[11]!, made[7]!]
    for (const id of gone.slice(0, 3)) await payload.delete({ collection: 'news', id, ...quiet })
    await payload.update({ collection: 'news', id: made[7]!, data: { _status: 'draft' }, ...quiet })
    const now = await scanPublished('news')
    const total = await countPublished('news')
    expect(total).toBe(now.size)
    const reconciled = await reconcile('news', known, total, 2)
    expect([...reconciled.entries()].sort()).toEqual([...now.entries()].sort())
    for (const id of gone) expect(reconciled.has(String(id))).toBe(false)
  })

  it('counts only the ids in a range', async () => {
    const ids = [...(await scanPublished('news')).keys()].map(Number).sort((a, b) => a - b)
    const from = String(ids[2])
    const below = String(ids[9])
    expect(await countPublished('news', { from, below })).toBe(7)
    expect([...(await scanPublished('news', { from, below })).keys()].map(Number).sort((a, b) => a - b)).toEqual(ids.slice(2, 9))
  })

  it('sees a save that was still being written when the last scan started', async () => {
    const first = await refreshSnapshot(null)
    const started = first.snapshot.seen?.news
    expect(started).toBeDefined()
    // Saved as if its save had begun a minute before that scan and ended after it.
    const id = made[1]!
    const updatedAt = new Date(Date.parse(started!) - 60_000).toISOString()
    await payload.db.updateOne({ collection: 'news', id, data: { title: `${marker()} 更正`, updatedAt } })
    const next = await refreshSnapshot(first.snapshot)
    expect(next.reloaded).toBe(1)
    expect(next.snapshot.docs.news[String(id)]?.updatedAt).toBe(updatedAt)
  })
})
