// 操作日志 and 栏目监测 over real HTTP: a failed login is logged with its address; nobody, an admin
// included, can write, change or delete an entry; the CSV export and /api/site-health are for signed-in
// staff only; the dashboard panels (待办, 栏目监测) and the content checks render in Chinese in the admin.
import { expect, type Page, test } from '@playwright/test'

import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { as, cms, signInFresh } from './helpers.ts'

interface Entry {
  id: number
  action: string
  userName: string
  docTitle: string | null
  ip: string | null
}

test('a failed login is logged, and no one can forge, change or delete the log through REST', async ({ request }) => {
  const stranger = `nobody-${Date.now().toString(36)}@example.com`
  expect((await request.post(`${cms}/api/users/login`, { data: { email: stranger, password: 'wrong-password-1' } })).status()).toBe(401)
  const admin = await as(request, 'admin')
  const found = (await (await request.get(`${cms}/api/audit-log?where[docTitle][equals]=${encodeURIComponent(stranger)}`, { headers: admin })).json()) as { docs: Entry[] }
  const entry = found.docs[0]!
  expect(entry).toMatchObject({ action: 'loginFailed', userName: `（未登录）${stranger}` })
  expect(entry.ip).toMatch(/127\.0\.0\.1|::1/)

  for (const [method, url] of [
    ['patch', `${cms}/api/audit-log/${String(entry.id)}`],
    ['delete', `${cms}/api/audit-log/${String(entry.id)}`],
    ['post', `${cms}/api/audit-log`],
  ] as const) {
    const res = await request.fetch(url, { method, headers: admin, data: { userName: '伪造', action: 'update', at: new Date().toISOString() } })
    expect(res.status(), `${method} ${url}`).toBe(403)
  }
  const after = (await (await request.get(`${cms}/api/audit-log/${String(entry.id)}`, { headers: admin })).json()) as Entry
  expect(after.userName).toBe(entry.userName)
  // Editors cannot read it at all; anonymous readers neither.
  expect((await request.get(`${cms}/api/audit-log`, { headers: await as(request, 'editor') })).status()).toBe(403)
  expect((await request.get(`${cms}/api/audit-log`)).status()).toBe(403)
})

test('the log exports as CSV for admins only', async ({ request }) => {
  await request.post(`${cms}/api/users/login`, { data: { email: `csv-${Date.now().toString(36)}@example.com`, password: 'wrong-password-1' } })
  const res = await request.get(`${cms}/api/audit-log/export.csv?where[action][equals]=loginFailed`, { headers: await as(request, 'admin') })
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('text/csv')
  const text = (await res.body()).toString('utf8')
  expect(text.startsWith('\ufeff"时间","操作","操作人"')).toBe(true)
  expect(text).toContain('"登录失败"')
  expect(text).not.toContain('"发布"')
  expect((await request.get(`${cms}/api/audit-log/export.csv`, { headers: await as(request, 'editor') })).status()).toBe(403)
})

test('anonymous readers get no content-check findings with a published document', async ({ request }) => {
  const anon = (await (await request.get(`${cms}/api/news?limit=5&depth=0`)).json()) as { docs: Record<string, unknown>[] }
  expect(anon.docs.length).toBeGreaterThan(0)
  for (const doc of anon.docs) expect(doc).not.toHaveProperty('contentChecks')
  const staff = (await (await request.get(`${cms}/api/news?limit=1&depth=0`, { headers: await as(request, 'editor') })).json()) as { docs: Record<string, unknown>[] }
  expect(staff.docs[0]).toHaveProperty('contentChecks')
})

test('/api/site-health answers signed-in users with every column', async ({ request }) => {
  expect((await request.get(`${cms}/api/site-health`)).status()).toBe(401)
  const res = await request.get(`${cms}/api/site-health`, { headers: await as(request, 'editor') })
  expect(res.status(), await res.text()).toBe(200)
  const health = (await res.json()) as { columns: { column: string; state: string }[] }
  expect(health.columns.map((c) => c.column)).toEqual(expect.arrayContaining(['首页', '工作动态', '政策文件', '文明典型', '简报快报 · 门头沟区创建全国文明城市工作快报', '镇街 · 斋堂镇']))
})

const created: number[] = []
const signIn = async (page: Page, role: string) => created.push(await signInFresh(page, page.request, role, `staff-${role}`))

test.afterAll(async ({ request }) => {
  for (const id of created) await request.delete(`${cms}/api/users/${String(id)}`, { headers: await as(request, 'admin') })
})

test('the dashboard shows 栏目监测 and a document shows 内容检查, in Chinese', async ({ page, request }, info) => {
  await signIn(page, 'editor')
  const panel = page.getByRole('region', { name: '栏目监测' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('columnheader', { name: '最近更新' })).toBeVisible()
  await expect(panel.getByRole('row', { name: /镇街 · 军庄镇.*空白栏目/ })).toBeVisible()
  await info.attach('dashboard.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })

  const editor = await as(request, 'editor')
  const created = await request.post(`${cms}/api/news?draft=true`, {
    headers: editor,
    data: { title: `检查演示${Date.now().toString(36)}`, category: '其他', body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text: '全区上下再接再励。', format: 0, detail: 0, mode: 'normal', style: '' }] }] } } },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const id = ((await created.json()) as { doc: { id: number } }).doc.id
  await page.goto(`${cms}/admin/collections/news/${String(id)}`)
  const checks = page.getByRole('region', { name: '内容检查' })
  await expect(checks).toContainText('1 处必须改正')
  await expect(checks).toContainText('正文第1段')
  await expect(checks).toContainText('应为“再接再厉”')
  await info.attach('content-checks.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
  await request.delete(`${cms}/api/news/${String(id)}`, { headers: await as(request, 'admin') })
})

test('the dashboard shows each person what waits for them', async ({ page, request }, info) => {
  const series = ((await (await request.get(`${cms}/api/bulletin-series?where[slug][equals]=mentougou-kuaibao`)).json()) as { docs: { id: number }[] }).docs[0]!
  const issueNumber = 70_000 + Math.floor(Math.random() * 9_000)
  const editor = await as(request, 'editor')
  const created = await request.post(`${cms}/api/bulletins?draft=true`, {
    headers: editor,
    data: { series: series.id, issueNumber, date: '2022-06-01T12:00:00.000Z', sections: [{ heading: '简讯', items: [{ body: await markdownToRichText('龙泉镇开展文明实践活动。') }] }] },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const id = ((await created.json()) as { doc: { id: number } }).doc.id
  expect((await request.post(`${cms}/api/bulletins/${String(id)}/workflow`, { headers: editor, data: { action: 'submit' } })).ok()).toBe(true)

  await signIn(page, 'reviewer')
  const queue = page.getByRole('region', { name: '我的待办' })
  const review = queue.getByRole('region', { name: /^待审核（\d+）$/ })
  await expect(review.getByRole('link', { name: new RegExp(`第${String(issueNumber)}期`) })).toHaveAttribute('href', `/admin/collections/bulletins/${String(id)}`)
  // A reviewer is not shown the signers' or the editors' queues.
  await expect(queue.getByRole('region', { name: /^待核签/ })).toHaveCount(0)
  await expect(queue.getByRole('region', { name: /^草稿/ })).toHaveCount(0)
  await info.attach('work-queue-reviewer.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })

  // Sent back: the editor finds it under 退回修改 with the reason.
  expect((await request.post(`${cms}/api/bulletins/${String(id)}/workflow`, { headers: await as(request, 'reviewer'), data: { action: 'return', reason: '请补充活动人数' } })).ok()).toBe(true)
  await page.context().clearCookies()
  await signIn(page, 'editor')
  const returned = page.getByRole('region', { name: /^退回修改（\d+）$/ })
  await expect(returned.getByRole('listitem').filter({ hasText: `第${String(issueNumber)}期` })).toContainText('请补充活动人数')
})
