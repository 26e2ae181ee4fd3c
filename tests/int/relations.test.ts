import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { cms, marker, userWithRole } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

describe('relations between documents', () => {
  it('a policy that news items explain or cite can still be deleted, and the news items stay', async () => {
    const tag = marker()
    const admin = await userWithRole(payload, 'admin')
    const editor = await userWithRole(payload, 'editor')
    const policy = await payload.create({ collection: 'resolutions', data: { title: `待删除的文件${tag}`, docType: '通知', body: await markdownToRichText('正文。') }, user: editor, overrideAccess: false, draft: true })
    const item = await payload.create({
      collection: 'news',
      data: { title: `解读${tag}`, category: '其他', body: await markdownToRichText('解读正文。'), interprets: policy.id, policies: [policy.id] },
      user: editor,
      overrideAccess: false,
      draft: true,
    })
    expect((await payload.findByID({ collection: 'news', id: item.id, depth: 0, draft: true, overrideAccess: true })).interprets).toBe(policy.id)

    await payload.delete({ collection: 'resolutions', id: policy.id, user: admin, overrideAccess: false })
    const after = await payload.findByID({ collection: 'news', id: item.id, depth: 0, draft: true, overrideAccess: true })
    expect(after.title).toBe(`解读${tag}`)
    expect(after.interprets ?? null).toBeNull()
    expect(after.policies ?? []).toEqual([])
    await payload.delete({ collection: 'news', id: item.id, overrideAccess: true })
  })
})
