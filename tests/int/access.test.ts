import { Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { cms, marker, userWithRole } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

const resolutionData = async (title: string) => ({
  title,
  docType: '通知' as const,
  issuer: '测试机关',
  adoptedAt: '2024-01-02T12:00:00.000Z',
  body: await markdownToRichText(`${title} 正文`),
})

describe('anonymous readers', () => {
  it('see published documents only, even when asking for drafts', async () => {
    const editor = await userWithRole(payload, 'editor')
    const title = marker()
    const draft = await payload.create({
      collection: 'resolutions',
      data: { ...(await resolutionData(title)), _status: 'draft' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })

    const anonymous = await payload.find({ collection: 'resolutions', where: { title: { equals: title } }, draft: true, overrideAccess: false })
    expect(anonymous.totalDocs).toBe(0)
    await expect(payload.findByID({ collection: 'resolutions', id: draft.id, draft: true, overrideAccess: false })).rejects.toThrow()

    const everyone = await payload.find({ collection: 'resolutions', limit: 100, overrideAccess: false })
    expect(everyone.totalDocs).toBeGreaterThanOrEqual(2)
    expect(everyone.docs.every((doc) => doc._status === 'published')).toBe(true)

    for (const role of ['editor', 'reviewer', 'signer', 'admin'] as const) {
      const user = await userWithRole(payload, role)
      const seen = await payload.find({ collection: 'resolutions', where: { title: { equals: title } }, draft: true, user, overrideAccess: false })
      expect(seen.totalDocs, `${role} reads the draft`).toBe(1)
    }
  })

  it('cannot write anything', async () => {
    await expect(
      payload.create({ collection: 'resolutions', data: await resolutionData(marker()), overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
    const [bulletin] = (await payload.find({ collection: 'bulletins', limit: 1, overrideAccess: true })).docs
    await expect(
      payload.update({ collection: 'bulletins', id: bulletin!.id, data: { totalIssueNumber: 1 }, overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
    await expect(payload.delete({ collection: 'bulletins', id: bulletin!.id, overrideAccess: false })).rejects.toBeInstanceOf(Forbidden)
  })

  it('cannot list accounts', async () => {
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toBeInstanceOf(Forbidden)
  })
})

describe('roles', () => {
  const cases = [
    { role: 'admin', create: true, update: true, remove: true },
    { role: 'editor', create: true, update: true, remove: false },
    { role: 'reviewer', create: false, update: false, remove: false },
    { role: 'signer', create: false, update: false, remove: false },
  ] as const

  for (const { role, create, update, remove } of cases) {
    it(`${role}: create ${create}, update ${update}, delete ${remove} on every content collection`, async () => {
      const user = await userWithRole(payload, role)
      const admin = await userWithRole(payload, 'admin')
      for (const collection of ['resolutions', 'news'] as const) {
        const data = collection === 'resolutions' ? await resolutionData(marker()) : { title: marker(), body: await markdownToRichText('正文') }
        const attempt = payload.create({ collection, data: data as never, user, overrideAccess: false, draft: true })
        if (create) await expect(attempt).resolves.toHaveProperty('id')
        else await expect(attempt).rejects.toBeInstanceOf(Forbidden)

        const target = await payload.create({ collection, data: data as never, user: admin, overrideAccess: false, draft: true })
        const edit = payload.update({ collection, id: target.id, data: { title: marker() }, user, overrideAccess: false, draft: true })
        if (update) await expect(edit).resolves.toHaveProperty('id')
        else await expect(edit).rejects.toBeInstanceOf(Forbidden)

        const del = payload.delete({ collection, id: target.id, user, overrideAccess: false })
        if (remove) await expect(del).resolves.toHaveProperty('id')
        else await expect(del).rejects.toBeInstanceOf(Forbidden)
      }
    })
  }

  it('only an admin manages accounts; nobody else can grant themselves a role', async () => {
    const editor = await userWithRole(payload, 'editor')
    const others = await payload.find({ collection: 'users', user: editor, overrideAccess: false })
    expect(others.docs.map((u) => u.email)).toEqual(['editor@example.com'])

    const updated = await payload.update({ collection: 'users', id: editor.id, data: { roles: ['admin'] }, user: editor, overrideAccess: false })
    expect(updated.roles).toEqual(['editor'])

    await expect(
      payload.create({
        collection: 'users',
        data: { email: `${Date.now()}@example.com`, name: '冒名', roles: ['admin'], password: 'a-long-password' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
  })
})
