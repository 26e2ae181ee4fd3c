import { APIError, Forbidden, type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { REBUILD_TASK } from '../../cms/jobs/rebuildSite.ts'
import { transition } from '../../cms/workflow/transition.ts'
import { markdownToRichText } from '../../cms/lib/richText.ts'
import { cms, userWithRole } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

type Role = 'admin' | 'editor' | 'reviewer' | 'signer'
const ROLES: Role[] = ['admin', 'editor', 'reviewer', 'signer']
let issue = 90_000

const newBulletin = async () => {
  const editor = await userWithRole(payload, 'editor')
  const series = (await payload.find({ collection: 'bulletin-series', where: { slug: { equals: 'mentougou-kuaibao' } }, overrideAccess: true })).docs[0]!
  return payload.create({
    collection: 'bulletins',
    data: {
      series: series.id,
      issueNumber: ++issue,
      date: '2022-05-01T12:00:00.000Z',
      sections: [{ heading: '简讯', items: [{ body: await markdownToRichText('测试稿件') }] }],
      _status: 'draft',
    },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
}

const step = async (id: number, action: string, role: Role, reason?: string) =>
  transition(payload, { collection: 'bulletins', id, action, user: await userWithRole(payload, role), reason })

const statusOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (e: unknown) => (e instanceof APIError ? e.status : e instanceof Forbidden ? 403 : 500),
  )

/** Brings a fresh bulletin to `state` by the allowed path. */
const bulletinIn = async (state: 'draft' | 'review' | 'signoff' | 'signed') => {
  const b = await newBulletin()
  if (state === 'draft') return b
  await step(b.id, 'submit', 'editor')
  if (state === 'review') return b
  await step(b.id, 'pass', 'reviewer')
  if (state === 'signoff') return b
  await step(b.id, 'sign', 'signer')
  return b
}

describe('sign-off chain: every transition per role', () => {
  const matrix: { action: string; from: 'draft' | 'review' | 'signoff'; allowed: Role[]; reason?: string }[] = [
    { action: 'submit', from: 'draft', allowed: ['editor', 'admin'] },
    { action: 'pass', from: 'review', allowed: ['reviewer'] },
    { action: 'return', from: 'review', allowed: ['reviewer'], reason: '第二段数据需核实' },
    { action: 'sign', from: 'signoff', allowed: ['signer'] },
  ]
  for (const { action, from, allowed, reason } of matrix) {
    for (const role of ROLES) {
      const ok = allowed.includes(role)
      it(`${action} from ${from} by ${role}: ${ok ? 'allowed' : 'refused'}`, async () => {
        const b = await bulletinIn(from)
        const status = await statusOf(step(b.id, action, role, reason))
        expect(status).toBe(ok ? 200 : 403)
        const after = await payload.findByID({ collection: 'bulletins', id: b.id, draft: true, overrideAccess: true })
        expect(after.workflow?.state).toBe(ok ? { submit: 'review', pass: 'signoff', return: 'draft', sign: 'signed' }[action] : from)
      })
    }
  }

  it('refuses steps out of order, whoever asks', async () => {
    const draft = await bulletinIn('draft')
    expect(await statusOf(step(draft.id, 'sign', 'signer'))).toBe(409)
    expect(await statusOf(step(draft.id, 'pass', 'reviewer'))).toBe(409)
    const signed = await bulletinIn('signed')
    expect(await statusOf(step(signed.id, 'submit', 'editor'))).toBe(409)
    expect(await statusOf(step(signed.id, 'sign', 'signer'))).toBe(409)
  })

  it('refuses an anonymous step and an unknown action', async () => {
    const b = await bulletinIn('draft')
    await expect(transition(payload, { collection: 'bulletins', id: b.id, action: 'submit', user: null })).rejects.toBeInstanceOf(Forbidden)
    expect(await statusOf(step(b.id, 'approve-all', 'admin'))).toBe(400)
  })

  it('sending back needs a reason, and the editor sees it', async () => {
    const b = await bulletinIn('review')
    expect(await statusOf(step(b.id, 'return', 'reviewer'))).toBe(400)
    await step(b.id, 'return', 'reviewer', '请补充镇街名称')
    const after = await payload.findByID({ collection: 'bulletins', id: b.id, draft: true, user: await userWithRole(payload, 'editor'), overrideAccess: false })
    expect(after.workflow?.state).toBe('draft')
    expect(after.workflow?.returnReason).toBe('请补充镇街名称')
    expect(after.workflow?.history?.map((h) => [h.action, h.userName])).toEqual([
      ['submit', '李国栋'],
      ['return', '张东辉'],
    ])
  })

  it('the workflow record cannot be forged by a direct update', async () => {
    const editor = await userWithRole(payload, 'editor')
    const b = await bulletinIn('draft')
    await payload.update({ collection: 'bulletins', id: b.id, data: { workflow: { state: 'signed' } }, draft: true, user: editor, overrideAccess: false })
    const after = await payload.findByID({ collection: 'bulletins', id: b.id, draft: true, overrideAccess: true })
    expect(after.workflow?.state).toBe('draft')
  })
})

describe('publishing', () => {
  it('is refused until the bulletin is signed off; the printed names come from the workflow records', async () => {
    const editor = await userWithRole(payload, 'editor')
    const b = await bulletinIn('signoff')
    const refused = await payload
      .update({ collection: 'bulletins', id: b.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).data.errors[0]?.message).toContain('尚未核签，不能发布')

    await step(b.id, 'sign', 'signer')
    const published = await payload.update({ collection: 'bulletins', id: b.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect(published._status).toBe('published')
    expect(published.signoff).toMatchObject({ editor: '李国栋', reviewer: '张东辉', signer: '李争三' })
    expect(published.workflow?.signedAt).toBeTruthy()
  })

  it('an edit after signing sends the document back to 草稿 and publishing is refused again', async () => {
    const editor = await userWithRole(payload, 'editor')
    const b = await bulletinIn('signed')
    const edited = await payload.update({ collection: 'bulletins', id: b.id, data: { totalIssueNumber: 12345 }, draft: true, user: editor, overrideAccess: false })
    expect(edited.workflow?.state).toBe('draft')
    await expect(payload.update({ collection: 'bulletins', id: b.id, data: { _status: 'published' }, user: editor, overrideAccess: false })).rejects.toBeInstanceOf(
      ValidationError,
    )
  })

  it('applies to resolutions too', async () => {
    const editor = await userWithRole(payload, 'editor')
    const r = await payload.create({
      collection: 'resolutions',
      data: { title: '测试决定', docType: '决定', adoptedAt: '2024-03-01T12:00:00.000Z', body: await markdownToRichText('正文'), _status: 'draft' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    await expect(payload.update({ collection: 'resolutions', id: r.id, data: { _status: 'published' }, user: editor, overrideAccess: false })).rejects.toBeInstanceOf(
      ValidationError,
    )
    for (const [action, role] of [['submit', 'editor'], ['pass', 'reviewer'], ['sign', 'signer']] as const) {
      await transition(payload, { collection: 'resolutions', id: r.id, action, user: await userWithRole(payload, role) })
    }
    const published = await payload.update({ collection: 'resolutions', id: r.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect(published._status).toBe('published')
    await payload.delete({ collection: 'resolutions', id: r.id, overrideAccess: true, context: { skipRebuild: true } })
  })

  it('queues one site rebuild for any number of changes while none has started', async () => {
    const waiting = () =>
      payload.count({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { processing: { equals: false } }, { completedAt: { exists: false } }] },
        overrideAccess: true,
      })
    const editor = await userWithRole(payload, 'editor')
    const news = await payload.create({ collection: 'news', data: { title: '队列测试', body: await markdownToRichText('正文'), _status: 'published' }, user: editor, overrideAccess: false })
    expect((await waiting()).totalDocs).toBe(1)
    for (let i = 0; i < 3; i++) {
      await payload.update({ collection: 'news', id: news.id, data: { title: `队列测试 ${String(i)}` }, user: editor, overrideAccess: false })
    }
    await payload.update({ collection: 'news', id: news.id, data: { _status: 'draft' }, user: editor, overrideAccess: false })
    await payload.delete({ collection: 'news', id: news.id, user: await userWithRole(payload, 'admin'), overrideAccess: false })
    expect((await waiting()).totalDocs).toBe(1)
  })
})

describe('scheduled publishing', () => {
  const schedule = (id: number) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'bulletins', value: id } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)

  it('publishes a signed-off bulletin when its time comes, and never an unsigned one', async () => {
    const signed = await bulletinIn('signed')
    const unsigned = await bulletinIn('review')
    await schedule(signed.id)
    await schedule(unsigned.id)
    await payload.jobs.run({ queue: 'default', where: { taskSlug: { equals: 'schedulePublish' } } } as never)
    const a = await payload.findByID({ collection: 'bulletins', id: signed.id, overrideAccess: true })
    const b = await payload.findByID({ collection: 'bulletins', id: unsigned.id, draft: true, overrideAccess: true })
    expect(a._status).toBe('published')
    expect(b._status).toBe('draft')
    expect(b.workflow?.state).toBe('review')
  })
})
