import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD_REFUSED } from '../../cms/auth/hooks.ts'
import { passwordMatches } from '../../cms/auth/passwordHash.ts'
import { apiCacheStats, withApiCache } from '../../cms/lib/apiCache.ts'
import { markdownToRichText } from '../../cms/lib/richText.ts'
import { DEFAULT_SEED_PASSWORD } from '../../cms/seed/password.ts'
import { SEED_CONTEXT } from '../../cms/seed/index.ts'
import { cms, marker } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

describe('the REST micro-cache', () => {
  it('never keeps an answer read before a change that landed while it was on its way', async () => {
    const old = marker()
    const doc = await payload.create({ collection: 'news', data: { title: old, slug: `cache-${marker().slice(-12)}`, date: '2022-01-01T12:00:00.000Z', category: '其他', body: await markdownToRichText('正文'), _status: 'published' }, overrideAccess: true, context: { skipRebuild: true } })
    let hold: Promise<void> | undefined
    let reachedHold = () => undefined as void
    const atHold = new Promise<void>((resolve) => (reachedHold = resolve))
    // An anonymous REST read answered through the cache like /api/news; the first one is slow.
    const read = withApiCache(async () => {
      const found = await payload.find({ collection: 'news', where: { id: { equals: doc.id } }, overrideAccess: false })
      if (hold) reachedHold()
      await hold
      return Response.json(found)
    })
    const title = async () => ((await (await read(new Request(`http://cms.test/api/news?where[id]=${String(doc.id)}`))).json()) as { docs: { title: string }[] }).docs[0]?.title
    let release = () => undefined as void
    hold = new Promise<void>((resolve) => (release = resolve))
    const slow = title()
    // The slow read has read the old title and waits: now the change happens while it is in flight.
    await atHold
    const changed = marker()
    await payload.update({ collection: 'news', id: doc.id, data: { title: changed }, overrideAccess: true, context: { skipRebuild: true } })
    release()
    expect(await slow).toBe(old)
    hold = undefined
    expect(await title()).toBe(changed)
  })

  it('is cleared by every write, an account’s included, and not by Payload’s bookkeeping', async () => {
    const read = withApiCache(async () => Response.json({ at: Date.now() }))
    const keep = async () => {
      await read(new Request('http://cms.test/api/news?writes'))
      return apiCacheStats().entries
    }
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } }, overrideAccess: true })
    const editor = docs[0]!
    expect(await keep()).toBeGreaterThan(0)
    // What a logout does: the account's row is written (its session removed) without any collection hook.
    await payload.db.updateOne({ collection: 'users', id: editor.id, data: { sessions: editor.sessions ?? [] }, returning: false })
    expect(apiCacheStats().entries).toBe(0)
    expect(await keep()).toBeGreaterThan(0)
    const preference = await payload.db.create({ collection: 'payload-preferences', data: { key: marker(), user: { relationTo: 'users', value: editor.id }, value: {} } })
    expect(apiCacheStats().entries).toBeGreaterThan(0)
    await payload.db.deleteOne({ collection: 'payload-preferences', where: { id: { equals: preference.id } } })
  })
})

describe('the demo password', () => {
  const login = (forwardedFor?: string) =>
    payload.login({
      collection: 'users',
      data: { email: 'demo-login@example.com', password: DEFAULT_SEED_PASSWORD },
      req: { headers: new Headers(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } as never,
    })

  beforeAll(async () => {
    await payload.create({ collection: 'users', data: { email: 'demo-login@example.com', name: '演示', roles: ['editor'], password: DEFAULT_SEED_PASSWORD }, overrideAccess: true, context: SEED_CONTEXT })
  })
  // The suite shares one database: leave the accounts as the seed made them (seed.test.ts lists them).
  afterAll(async () => {
    await payload.delete({ collection: 'users', where: { email: { equals: 'demo-login@example.com' } }, overrideAccess: true })
  })

  it('works on a local trial for a request from this machine', async () => {
    expect((await login('127.0.0.1')).token).toBeTruthy()
  })

  it('is refused from any other address, and on a served site even from this machine', async () => {
    await expect(login('203.0.113.8')).rejects.toThrow(DEMO_PASSWORD_REFUSED)
    await expect(login()).rejects.toThrow(DEMO_PASSWORD_REFUSED)
    for (const [name, value] of [['NODE_ENV', 'production'], ['HOST', '0.0.0.0'], ['SERVER_URL', 'https://cms.example.gov.cn']] as const) {
      const env = process.env as Record<string, string | undefined>
      const before = env[name]
      env[name] = value
      try {
        await expect(login('127.0.0.1'), name).rejects.toThrow(DEMO_PASSWORD_REFUSED)
      } finally {
        if (before === undefined) delete env[name]
        else env[name] = before
      }
    }
  })
})

describe('password check', () => {
  it('agrees with the hashes Payload writes', async () => {
    const [user] = (await payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } }, overrideAccess: true, showHiddenFields: true })).docs
    expect(await passwordMatches(user as never, process.env.SEED_PASSWORD!)).toBe(true)
    expect(await passwordMatches(user as never, `${process.env.SEED_PASSWORD!}x`)).toBe(false)
  })
})
