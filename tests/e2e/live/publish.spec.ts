import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { expect, test } from '@playwright/test'

import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { as, buildState, cms, liveDir, login, site, until } from './helpers.ts'

// With `npm start` running (CMS, job runner, site server): the sign-off chain, publish-to-live,
// unpublish, and a failed build that leaves the last good release serving.

test.describe.configure({ mode: 'serial' })

const tag = Math.random().toString(36).slice(2, 8)
const marker = `发布测试${tag}`
const issueNumber = 700 + Math.floor(Math.random() * 200)
let bulletinId = 0

test('anonymous writes are refused and drafts are invisible over REST', async ({ request, playwright }) => {
  // A separate context without the session cookie that logging in sets.
  const anon = await playwright.request.newContext()
  const post = await anon.post(`${cms}/api/bulletins`, { data: { issueNumber: 1 }, failOnStatusCode: false })
  expect(post.status()).toBe(403)
  const seriesRes = await request.get(`${cms}/api/bulletin-series?where[slug][equals]=mentougou-kuaibao`)
  const series = ((await seriesRes.json()) as { docs: { id: number }[] }).docs[0]!
  const created = await request.post(`${cms}/api/bulletins?draft=true`, {
    headers: await as(request, 'editor'),
    data: { series: series.id, issueNumber, date: '2022-05-20T12:00:00.000Z', sections: [{ heading: '简讯', items: [{ category: '文明实践', body: await markdownToRichText(`${marker}：龙泉镇开展文明实践活动。`) }] }] },
  })
  expect(created.ok(), await created.text()).toBe(true)
  bulletinId = ((await created.json()) as { doc: { id: number } }).doc.id
  const anonymous = (await (await anon.get(`${cms}/api/bulletins?where[issueNumber][equals]=${String(issueNumber)}&draft=true`)).json()) as { totalDocs: number }
  expect(anonymous.totalDocs).toBe(0)
  expect((await anon.get(`${cms}/api/bulletins/${String(bulletinId)}?draft=true`, { failOnStatusCode: false })).status()).toBe(404)
  const signedIn = (await (await request.get(`${cms}/api/bulletins?where[issueNumber][equals]=${String(issueNumber)}&draft=true`, { headers: await as(request, 'editor') })).json()) as { totalDocs: number }
  expect(signedIn.totalDocs).toBe(1)
  const resolution = (await (await anon.get(`${cms}/api/resolutions?where[docNumber][equals]=${encodeURIComponent('门常发〔2021〕23号')}`)).json()) as { docs: { adoptedAt: string }[] }
  expect(resolution.docs[0]?.adoptedAt.slice(0, 10)).toBe('2021-04-27')
  await anon.dispose()
})

test('an unsigned bulletin cannot be published through the REST API; the chain signs it off', async ({ request }) => {
  const early = await request.patch(`${cms}/api/bulletins/${String(bulletinId)}`, { headers: await as(request, 'editor'), data: { _status: 'published' }, failOnStatusCode: false })
  expect(early.status()).toBe(400)
  expect(await early.text()).toContain('尚未核签')

  const flow = async (role: string, action: string, reason?: string) =>
    request.post(`${cms}/api/bulletins/${String(bulletinId)}/workflow`, { headers: await as(request, role), data: { action, reason }, failOnStatusCode: false })
  expect((await flow('reviewer', 'submit')).status()).toBe(403)
  expect((await flow('editor', 'submit')).status()).toBe(200)
  expect((await flow('signer', 'sign')).status()).toBe(409)
  expect((await flow('reviewer', 'return', '请核对活动日期')).status()).toBe(200)
  expect((await flow('editor', 'submit')).status()).toBe(200)
  expect((await flow('editor', 'pass')).status()).toBe(403)
  expect((await flow('reviewer', 'pass')).status()).toBe(200)
  const signed = await flow('signer', 'sign')
  expect(signed.status()).toBe(200)
  expect(((await signed.json()) as { doc: { signoff: unknown } }).doc.signoff).toEqual({ editor: '李国栋', reviewer: '张东辉', signer: '李争三' })
})

test('publishing puts it on the public site and in search without a manual step; unpublishing removes it', async ({ request, page }) => {
  test.setTimeout(360_000)
  const url = `${site}/bulletins/mentougou-kuaibao/${String(issueNumber)}/`
  expect((await request.get(url, { failOnStatusCode: false })).status()).toBe(404)
  const publish = await request.patch(`${cms}/api/bulletins/${String(bulletinId)}`, { headers: await as(request, 'editor'), data: { _status: 'published' } })
  expect(publish.ok(), await publish.text()).toBe(true)
  const ms = await until(request, url, 200)
  test.info().annotations.push({ type: 'publish-to-live', description: `${String(ms)} ms` })
  console.log(`publish-to-live: ${String(ms)} ms`)

  await page.goto(url)
  await expect(page.locator('.signoff')).toHaveText(/编校：李国栋\s*审核：张东辉\s*核签：李争三/)
  await page.goto(`${site}/search/?q=${encodeURIComponent(marker)}`)
  await expect(page.locator('#search-status')).toContainText('共找到')
  await expect(page.locator('#search-results li h2').first()).toContainText(`第${String(issueNumber)}期`)

  const unpublish = await request.patch(`${cms}/api/bulletins/${String(bulletinId)}`, { headers: await as(request, 'editor'), data: { _status: 'draft' } })
  expect(unpublish.ok(), await unpublish.text()).toBe(true)
  await until(request, url, 404)
  await page.goto(`${site}/search/?q=${encodeURIComponent(marker)}`)
  await expect(page.locator('#search-status')).toHaveText(/共找到|没有找到/)
  expect(await page.locator('#search-results li h2').allTextContents()).not.toContainEqual(expect.stringContaining(`第${String(issueNumber)}期`))
})

test('a document with broken data never blocks a takedown: it keeps its last good page, the dashboard names it, a fix recovers', async ({ request, page, context }) => {
  test.setTimeout(360_000)
  await until(request, `${site}/`, 200)
  const title = `数据损坏测试${tag}`
  const created = await request.post(`${cms}/api/news`, {
    headers: await as(request, 'editor'),
    data: { title, slug: `broken-${tag}`, date: '2022-05-21T12:00:00.000Z', category: '其他', body: await markdownToRichText('这条动态的数据稍后会损坏。'), _status: 'published' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const newsId = ((await created.json()) as { doc: { id: number } }).doc.id
  await until(request, `${site}/news/broken-${tag}/`, 200)
  await expect.poll(async () => (await buildState(request)).status, { timeout: 60_000 }).toBe('idle')
  const before = (await buildState(request)).current

  // A real fault, no switch in the product: the row is damaged behind the CMS's back (as a bad import
  // or a hand edit of the database would), so its page can no longer be rendered.
  const db = new DatabaseSync(path.join(liveDir, 'live.db'), { timeout: 10_000 })
  db.prepare('UPDATE news SET date = ?, updated_at = ? WHERE id = ?').run('不是日期', new Date().toISOString(), newsId)
  db.close()
  // Another document is taken down while the broken one is in the database: the takedown goes live.
  const other = await request.post(`${cms}/api/news`, {
    headers: await as(request, 'editor'),
    data: { title: `撤下测试${tag}`, slug: `takedown-${tag}`, date: '2022-05-21T12:00:00.000Z', category: '其他', body: await markdownToRichText('这条动态会被撤下。'), _status: 'published' },
  })
  expect(other.ok(), await other.text()).toBe(true)
  await until(request, `${site}/news/takedown-${tag}/`, 200)
  const otherId = ((await other.json()) as { doc: { id: number } }).doc.id
  const takedown = await request.patch(`${cms}/api/news/${String(otherId)}`, { headers: await as(request, 'editor'), data: { _status: 'draft' } })
  expect(takedown.ok(), await takedown.text()).toBe(true)
  await until(request, `${site}/news/takedown-${tag}/`, 404)

  await expect.poll(async () => (await buildState(request)).failures?.length ?? 0, { timeout: 150_000, intervals: [500] }).toBeGreaterThan(0)
  const failed = await buildState(request)
  expect(failed.failures.map((f) => f.message).join('\n')).toContain('无法生成页面')
  expect(failed.failures.map((f) => f.message).join('\n')).toContain(title)
  expect(failed.current).not.toBe(before)
  expect((await request.get(`${site}/bulletins/mentougou-kuaibao/673/`)).status()).toBe(200)
  expect((await request.get(`${site}/news/broken-${tag}/`)).status()).toBe(200)

  // The admin dashboard shows it.
  await context.addCookies([{ name: 'payload-token', value: await login(request, 'admin'), url: cms }])
  await page.goto(`${cms}/admin`)
  await expect(page.getByText('以下内容无法生成页面')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: '重新构建' })).toBeVisible()

  const fixed = await request.patch(`${cms}/api/news/${String(newsId)}`, { headers: await as(request, 'editor'), data: { title: `恢复测试${tag}`, date: '2022-05-22T12:00:00.000Z' } })
  expect(fixed.ok(), await fixed.text()).toBe(true)
  await expect.poll(async () => (await buildState(request)).failures?.length ?? 0, { timeout: 150_000, intervals: [500] }).toBe(0)
  await expect.poll(async () => (await request.get(`${site}/news/broken-${tag}/`)).text(), { timeout: 30_000 }).toContain(`恢复测试${tag}`)
})
