import type { APIError, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PUBLISH_DATE_REFUSED } from '../../cms/fields/firstPublished.ts'
import { siteHealth } from '../../cms/health/siteHealth.ts'
import { markdownToRichText } from '../../cms/lib/richText.ts'
import { transition } from '../../cms/workflow/transition.ts'
import { cms, marker, userWithRole } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

type Role = 'admin' | 'editor' | 'reviewer' | 'signer'
let issue = 95_000
const step = async (id: number, action: string, role: Role) => transition(payload, { collection: 'bulletins', id, action, user: await userWithRole(payload, role) })
const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof Error ? { status: (e as APIError).status, message: e.message } : null),
  )
const bulletinSaying = async (text: string) => {
  const series = (await payload.find({ collection: 'bulletin-series', where: { slug: { equals: 'mentougou-kuaibao' } }, overrideAccess: true })).docs[0]!
  return payload.create({
    collection: 'bulletins',
    data: { series: series.id, issueNumber: ++issue, date: '2022-05-01T12:00:00.000Z', sections: [{ heading: '指挥调度', items: [{ title: '测试', body: await markdownToRichText(`第一段。\n\n${text}`) }] }], _status: 'draft' },
    draft: true,
    user: await userWithRole(payload, 'editor'),
    overrideAccess: false,
  })
}
const findingsOf = async (collection: 'bulletins' | 'news', id: number) =>
  ((await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })) as { contentChecks?: { findings?: { severity: string; kind: string; where: string; found: string; suggestion: string | null }[] } }).contentChecks?.findings ?? []

describe('content checks before sign-off', () => {
  it('shows a misspelling with where it is, and refuses to pass it until it is corrected', async () => {
    const b = await bulletinSaying('全区上下要再接再励，巩固创建成果。')
    const findings = await findingsOf('bulletins', b.id)
    expect(findings).toContainEqual(expect.objectContaining({ severity: '禁止', kind: '错别字', where: '【指挥调度】第1条 正文第2段', suggestion: '应为“再接再厉”' }))
    await step(b.id, 'submit', 'editor')
    const refused = await refusal(step(b.id, 'pass', 'reviewer'))
    expect(refused?.status).toBe(409)
    expect(refused?.message).toContain('【指挥调度】第1条 正文第2段')
    expect(refused?.message).toContain('再接再厉')
  })

  it('refuses 核签 while a banned expression remains, naming where it is', async () => {
    const word = `禁词${marker().slice(-6)}`
    const b = await bulletinSaying(`本期通报${word}相关情况。`)
    await step(b.id, 'submit', 'editor')
    await step(b.id, 'pass', 'reviewer')
    // The rule arrives after review: the signature checks again.
    const rule = await payload.create({ collection: 'content-rules', data: { kind: '禁用表述', text: word, correct: '规范表述', severity: '禁止' }, user: await userWithRole(payload, 'editor'), overrideAccess: false })
    const refused = await refusal(step(b.id, 'sign', 'signer'))
    expect(refused?.status).toBe(409)
    expect(refused?.message).toMatch(new RegExp(`不能核签[\\s\\S]*【指挥调度】第1条 正文第2段：禁用表述“[^”]*${word}`))
    await payload.delete({ collection: 'content-rules', id: rule.id, overrideAccess: true })
    await step(b.id, 'sign', 'signer')
  })

  it('records a 提醒 as acknowledged by whoever signs', async () => {
    const b = await bulletinSaying('组织农民工参加志愿服务。')
    await step(b.id, 'submit', 'editor')
    await step(b.id, 'pass', 'reviewer')
    const signed = await step(b.id, 'sign', 'signer')
    const entry = (signed.workflow?.history ?? []).at(-1)
    expect(entry).toMatchObject({ action: 'sign', userName: '李争三' })
    expect(entry?.reason).toContain('已确认内容检查提醒 1 处')
    expect(entry?.reason).toContain('农民工')
  })

  it('flags a leader named with a wrong title, not one named with the current one', async () => {
    const editor = await userWithRole(payload, 'editor')
    const news = async (text: string) =>
      payload.create({ collection: 'news', data: { title: `领导职务${marker()}`, category: '其他', body: await markdownToRichText(text) }, draft: true, user: editor, overrideAccess: false })
    const wrong = await news('区长滕盛萍出席会议并讲话。')
    expect(await findingsOf('news', wrong.id)).toContainEqual(expect.objectContaining({ kind: '领导职务', where: '正文第1段', suggestion: expect.stringContaining('现任：市委宣传部副部长、首都文明办主任') as string }))
    const right = await news('市委宣传部副部长、首都文明办主任滕盛萍出席会议。滕盛萍指出，要坚持首善标准。')
    expect((await findingsOf('news', right.id)).filter((f) => f.kind === '领导职务')).toEqual([])
  })

  it('refuses to publish a document with a 禁止 finding', async () => {
    const refused = await refusal(
      payload.create({ collection: 'news', data: { title: `台湾政府${marker()}`, category: '其他', body: await markdownToRichText('正文。'), _status: 'published' }, user: await userWithRole(payload, 'editor'), overrideAccess: false }),
    )
    expect(refused?.message).toContain('标题：禁用表述')
    expect(refused?.message).toContain('应为“台湾当局”')
  })
})

describe('history published as written (原文照登) and rules of their time', () => {
  const bulletinOf = async (text: string, date: string, verbatim = false) => {
    const series = (await payload.find({ collection: 'bulletin-series', where: { slug: { equals: 'mentougou-kuaibao' } }, overrideAccess: true })).docs[0]!
    return payload.create({
      collection: 'bulletins',
      data: { series: series.id, issueNumber: ++issue, date, verbatim, verbatimNote: verbatim ? '按原件刊登。' : undefined, sections: [{ heading: '史料', items: [{ body: await markdownToRichText(text) }] }], _status: 'draft' },
      draft: true,
      user: await userWithRole(payload, 'editor'),
      overrideAccess: false,
    })
  }

  it('turns a 禁止 finding of a verbatim document into a 提醒 that the signer must confirm with a reason, kept in the history and the 操作日志', async () => {
    const b = await bulletinOf('会议要求大家不要墨守陈规。', '2022-05-01T12:00:00.000Z', true)
    expect(await findingsOf('bulletins', b.id)).toContainEqual(expect.objectContaining({ severity: '提醒', kind: '错别字', suggestion: expect.stringContaining('原文照登') as string }))
    await step(b.id, 'submit', 'editor')
    await step(b.id, 'pass', 'reviewer')
    const refused = await refusal(step(b.id, 'sign', 'signer'))
    expect(refused?.status).toBe(400)
    expect(refused?.message).toContain('请填写照登理由')
    const reason = `原件照登${marker()}`
    const signed = await transition(payload, { collection: 'bulletins', id: b.id, action: 'sign', user: await userWithRole(payload, 'signer'), reason })
    expect(signed.workflow?.history?.at(-1)?.reason).toContain(reason)
    expect(signed.workflow?.history?.at(-1)?.reason).toContain('墨守陈规')
    const logged = await payload.find({ collection: 'audit-log', where: { detail: { contains: reason } }, overrideAccess: true })
    expect(logged.docs).toHaveLength(1)
    // The same text not marked verbatim is refused, for everyone: no rule was switched off.
    const plain = await bulletinOf('会议要求大家不要墨守陈规。', '2022-05-01T12:00:00.000Z')
    await step(plain.id, 'submit', 'editor')
    expect((await refusal(step(plain.id, 'pass', 'reviewer')))?.status).toBe(409)
  })

  it('checks a document by the rules of its date, and finds a term written in traditional characters', async () => {
    const before = await bulletinOf('一九八四年，同南朝鲜的民间往来有所增加。', '1984-05-15T12:00:00.000Z')
    expect((await findingsOf('bulletins', before.id)).filter((f) => f.found.includes('南朝鲜'))).toEqual([])
    const after = await bulletinOf('同南朝鲜的往来。', '2022-05-15T12:00:00.000Z')
    expect(await findingsOf('bulletins', after.id)).toContainEqual(expect.objectContaining({ severity: '禁止', found: expect.stringContaining('南朝鲜') as string }))
    const traditional = await bulletinOf('會議要求再接再勵。', '2022-05-15T12:00:00.000Z')
    expect(await findingsOf('bulletins', traditional.id)).toContainEqual(expect.objectContaining({ severity: '禁止', kind: '错别字', found: expect.stringContaining('再接再勵') as string }))
  })
})

describe('publish dates', () => {
  const publishNews = async () =>
    payload.create({ collection: 'news', data: { title: `发布时间${marker()}`, category: '其他', body: await markdownToRichText('正文。'), _status: 'published' }, user: await userWithRole(payload, 'editor'), overrideAccess: false, context: { skipRebuild: true } })

  it('are set by the server on first publication and kept through corrections', async () => {
    const before = Date.now()
    const doc = await publishNews()
    const first = new Date(doc.firstPublishedAt!).getTime()
    expect(first).toBeGreaterThanOrEqual(before - 1000)
    const corrected = await payload.update({ collection: 'news', id: doc.id, data: { summary: '更正' }, user: await userWithRole(payload, 'editor'), overrideAccess: false, context: { skipRebuild: true } })
    expect(corrected.firstPublishedAt).toBe(doc.firstPublishedAt)
  })

  it('cannot be back-dated or set by an editor; an admin correction is logged', async () => {
    const doc = await publishNews()
    const editor = await userWithRole(payload, 'editor')
    for (const attempt of [
      payload.update({ collection: 'news', id: doc.id, data: { firstPublishedAt: '2020-01-01T00:00:00.000Z' }, user: editor, overrideAccess: false }),
      payload.create({ collection: 'news', data: { title: `预设${marker()}`, category: '其他', body: await markdownToRichText('正文。'), firstPublishedAt: '2020-01-01T00:00:00.000Z' }, user: editor, overrideAccess: false }),
    ]) {
      expect(await refusal(attempt)).toEqual({ status: 403, message: PUBLISH_DATE_REFUSED })
    }
    expect((await payload.findByID({ collection: 'news', id: doc.id, overrideAccess: true })).firstPublishedAt).toBe(doc.firstPublishedAt)

    await payload.update({ collection: 'news', id: doc.id, data: { firstPublishedAt: '2021-06-01T02:00:00.000Z' }, user: await userWithRole(payload, 'admin'), overrideAccess: false, context: { skipRebuild: true } })
    const log = await payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'publishDate' } }, { docId: { equals: String(doc.id) } }] }, overrideAccess: true })
    expect(log.docs[0]).toMatchObject({ userName: '管理员', targetCollection: 'news', detail: `${doc.firstPublishedAt!} → 2021-06-01T02:00:00.000Z` })
  })
})

describe('column health', () => {
  it('turns a news column red after two weeks without an update, a policy column after six months', async () => {
    const now = new Date()
    const at = (days: number) => siteHealth(payload, new Date(now.getTime() + days * 86_400_000))
    const column = (h: Awaited<ReturnType<typeof siteHealth>>, name: string) => h.columns.find((c) => c.column === name)!
    const today = await at(0)
    expect(column(today, '工作动态')).toMatchObject({ rule: 'dynamic', limitDays: 14, state: 'ok' })
    expect(column(today, '政策文件')).toMatchObject({ rule: 'policy', limitDays: 180, state: 'ok' })
    // A 镇街 nobody has written about is a blank column.
    expect(column(today, '镇街 · 军庄镇').state).toBe('blank')
    const later = await at(20)
    expect(column(later, '工作动态').state).toBe('overdue')
    expect(column(later, '工作动态').daysLeft).toBeLessThan(0)
    expect(column(later, '政策文件').state).toBe('ok')
    expect(column(later, '首页').state).toBe('overdue')
    expect(later.veto).toBe(true)
    expect(column(await at(200), '政策文件').state).toBe('overdue')
    expect(column(later, '页面 · about').state).toBe('static')
  })
})

describe('the audit log', () => {
  it('records each action with who, what and from where', async () => {
    const editor = await userWithRole(payload, 'editor')
    const doc = await payload.create({ collection: 'news', data: { title: `审计${marker()}`, category: '其他', body: await markdownToRichText('正文。') }, draft: true, user: editor, overrideAccess: false })
    await payload.update({ collection: 'news', id: doc.id, data: { summary: '改' }, draft: true, user: editor, overrideAccess: false })
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' }, user: editor, overrideAccess: false, context: { skipRebuild: true } })
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' }, user: editor, overrideAccess: false, context: { skipRebuild: true } })
    await payload.delete({ collection: 'news', id: doc.id, user: await userWithRole(payload, 'admin'), overrideAccess: false, context: { skipRebuild: true } })
    const b = await bulletinSaying('正常的稿件。')
    await step(b.id, 'submit', 'editor')
    await transition(payload, { collection: 'bulletins', id: b.id, action: 'return', user: await userWithRole(payload, 'reviewer'), reason: '请补充数据' })
    await step(b.id, 'submit', 'editor')
    await step(b.id, 'pass', 'reviewer')
    await step(b.id, 'sign', 'signer')

    const actions = async (collection: string, id: number) =>
      (await payload.find({ collection: 'audit-log', where: { and: [{ targetCollection: { equals: collection } }, { docId: { equals: String(id) } }] }, sort: 'at', pagination: false, overrideAccess: true })).docs
    expect((await actions('news', doc.id)).map((e) => `${e.action} ${e.userName ?? ''}`)).toEqual(['create 李国栋', 'update 李国栋', 'publish 李国栋', 'unpublish 李国栋', 'delete 管理员'])
    expect((await actions('bulletins', b.id)).map((e) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'pass', 'sign'])
    expect((await actions('bulletins', b.id))[2]).toMatchObject({ userName: '张东辉', detail: '请补充数据' })
  })

  it('records a role change', async () => {
    const admin = await userWithRole(payload, 'admin')
    const user = await payload.create({ collection: 'users', data: { email: `role-${marker().slice(-8)}@example.com`, password: 'Zq7#kLm2!vRt', name: '临时账号', roles: ['editor'] }, user: admin, overrideAccess: false })
    await payload.update({ collection: 'users', id: user.id, data: { roles: ['reviewer'] }, user: admin, overrideAccess: false })
    const entry = (await payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'role' } }, { docId: { equals: String(user.id) } }] }, overrideAccess: true })).docs[0]
    expect(entry).toMatchObject({ userName: '管理员', detail: 'editor → reviewer' })
    await payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
  })

  it('cannot be written, changed or deleted by anyone, admins included', async () => {
    const admin = await userWithRole(payload, 'admin')
    const entry = (await payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true })).docs[0]!
    for (const attempt of [
      payload.create({ collection: 'audit-log', data: { at: new Date().toISOString(), action: 'update' }, user: admin, overrideAccess: false }),
      payload.update({ collection: 'audit-log', id: entry.id, data: { userName: '伪造' }, user: admin, overrideAccess: false }),
      payload.delete({ collection: 'audit-log', id: entry.id, user: admin, overrideAccess: false }),
    ]) {
      expect((await refusal(attempt))?.status).toBe(403)
    }
    expect((await payload.findByID({ collection: 'audit-log', id: entry.id, overrideAccess: true })).userName).toBe(entry.userName)
  })
})
