// The editor's day over real HTTP and a real browser: import a bulletin from a government-formatted
// .docx on the dashboard, preview it in its print layout, pass the chain, publish, see it on the site;
// the preview without a session or with a forged, revoked link shows no draft text.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { expect, type FileChooser, type Locator, type Page, test } from '@playwright/test'

import { layoutDocx, LAYOUTS } from '../../lib/gongwenLayouts.ts'
import { govDocx } from '../../lib/govDocx.ts'
import { as, cms, newAccount, signInFresh, site, submitLogin, until } from './helpers.ts'

test.describe.configure({ mode: 'serial' })

const source = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'corpus', '001.txt'), 'utf8')
const issueNumber = 3000 + Math.floor(Math.random() * 5000)
const marker = `预览标记${Math.random().toString(36).slice(2, 8)}`
// A new issue of the series, with a phrase only this draft contains; the leader's title as she holds it.
const text = source.replace('第673期', `第${String(issueNumber)}期`).replace('小手拉大手', marker).replace('市委宣传部分副部长', '市委宣传部副部长')
let bulletinId = 0
const accounts: number[] = []


test.afterAll(async ({ request }) => {
  for (const id of accounts) await request.delete(`${cms}/api/users/${String(id)}`, { headers: await as(request, 'admin') })
})

/** Presses Tab until `target` has the focus (a keyboard user's way there), at most 80 times. */
const tabTo = async (page: Page, target: Locator) => {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('not reachable by Tab')
}

test('an editor imports a bulletin from Word on the dashboard by keyboard alone and previews it in its print layout', async ({ page, request }, info) => {
  // File choosers are caught from the start: Playwright begins intercepting them when the first listener is
  // added, asynchronously, so one added just before the key press could miss the chooser it opens.
  const choosers: FileChooser[] = []
  page.on('filechooser', (c) => choosers.push(c))
  // The account is made through the test's own request context: logging in as admin there leaves the page's cookies alone.
  accounts.push(await signInFresh(page, request, 'editor', 'import-editor'))
  const panel = page.getByRole('region', { name: '导入文档' })
  // The panel's script has run (before that its buttons do nothing).
  await expect(page.locator('section[data-ready]')).toHaveCount(1)
  await info.attach('import-before.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
  const choose = panel.getByRole('button', { name: '选择文件…' })
  await page.waitForLoadState('networkidle')
  await page.locator('body').focus()
  // Tab to 选择文件… and press Enter.
  await tabTo(page, choose)
  await page.keyboard.press('Enter')
  await expect.poll(() => choosers.length).toBe(1)
  const chooser = choosers[0]!
  await chooser.setFiles({ name: `快报第${String(issueNumber)}期.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await govDocx(text, { bulletin: true }) })
  await expect(panel.getByRole('status', { name: '已选择的文件' })).toContainText(`快报第${String(issueNumber)}期.docx`)
  await tabTo(page, panel.getByRole('button', { name: '导入为草稿' }))
  await page.keyboard.press('Enter')
  const status = panel.getByRole('status', { name: '导入结果' })
  await expect(status).toContainText('已创建草稿')
  await expect(status).toContainText(`期号：第${String(issueNumber)}期`)
  await expect(status).toContainText('核签：李争三')
  // The result has the focus: a screen reader reads it, the next Tab reaches its link.
  expect(await status.evaluate((el) => el.parentElement === document.activeElement || el.contains(document.activeElement))).toBe(true)
  await info.attach('import-after.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
  bulletinId = Number((await status.getByRole('link', { name: '打开草稿' }).getAttribute('href'))?.split('/').pop())
  expect(bulletinId).toBeGreaterThan(0)

  const preview = await page.goto(`${cms}/preview/bulletins/${String(bulletinId)}`)
  expect(preview?.status()).toBe(200)
  expect(preview?.headers()['cache-control']).toContain('no-store')
  expect(preview?.headers()['x-robots-tag']).toContain('noindex')
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/)
  await expect(page.getByRole('note')).toContainText('草稿预览')
  await expect(page.locator('.masthead .series-name')).toHaveText('门头沟区创建全国文明城市工作快报')
  await expect(page.locator('.masthead .issue')).toContainText(`第${String(issueNumber)}期`)
  await expect(page.locator('.bulletin')).toContainText(marker)
  await expect(page.locator('.signoff')).toHaveText(/编校：李国栋\s*审核：张东辉\s*核签：李争三/)
  // The print layout's own stylesheet is served with the preview: the masthead is red.
  expect(await page.locator('.masthead .series-name').evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(0, 0, 0)')
  await info.attach('preview.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
})

test('without a session or a valid link the preview shows no draft text; a share link works until it is revoked', async ({ request, playwright }) => {
  const anon = await playwright.request.newContext()
  const url = `${cms}/preview/bulletins/${String(bulletinId)}`
  for (const target of [url, `${url}?token=forged-token-${marker}`, `${url}?live=1`]) {
    const res = await anon.get(target, { failOnStatusCode: false, maxRedirects: 0 })
    // Without a session: sent to sign in and back; with a forged link: refused.
    if (target.includes('token=')) expect(res.status()).toBe(403)
    else expect(res.headers()['location']).toBe(`/admin/login?redirect=${encodeURIComponent(target.slice(cms.length))}`)
    const body = await res.text()
    expect(body).not.toContain(marker)
    expect(body).not.toContain('石门营五区')
  }
  const shared = await request.post(`${cms}/api/preview-links/share`, { headers: await as(request, 'editor'), data: { collection: 'bulletins', id: bulletinId } })
  expect(shared.status(), await shared.text()).toBe(201)
  const { url: link, expiresAt } = (await shared.json()) as { url: string; expiresAt: string }
  expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000)
  const opened = await anon.get(link)
  expect(opened.status()).toBe(200)
  expect(await opened.text()).toContain(marker)
  // Another document's preview does not open with this link.
  expect((await anon.get(link.replace(`/bulletins/${String(bulletinId)}?`, `/bulletins/${String(bulletinId + 100000)}?`), { failOnStatusCode: false })).status()).toBe(403)

  const links = (await (await request.get(`${cms}/api/preview-links?where[docId][equals]=${String(bulletinId)}`, { headers: await as(request, 'editor') })).json()) as { docs: { id: number; tokenHash?: string }[] }
  expect(links.docs[0]?.tokenHash).toBeUndefined()
  const revoke = await request.patch(`${cms}/api/preview-links/${String(links.docs[0]!.id)}`, { headers: await as(request, 'editor'), data: { revoked: true } })
  expect(revoke.ok(), await revoke.text()).toBe(true)
  const revoked = await anon.get(link, { failOnStatusCode: false })
  expect(revoked.status()).toBe(410)
  const body = await revoked.text()
  expect(body).toContain('已撤销')
  expect(body).not.toContain(marker)
  await anon.dispose()
})

test('a preview link opened from a chat on another site asks a signed-in editor to sign in, then shows the draft', async ({ page, request }) => {
  const { email, pass, id } = await newAccount(request, { role: 'editor', prefix: 'preview-link' })
  accounts.push(id)
  await page.goto(`${cms}/admin/login`)
  await submitLogin(page, email, pass)
  await page.waitForURL(/\/admin\/?$/)
  // The admin carries the site's name from 站点设置, in its title and its logo.
  const settings = (await (await request.get(`${cms}/api/globals/site-settings`)).json()) as { siteName: string }
  await expect(page).toHaveTitle(new RegExp(`${settings.siteName} 内容管理$`))
  // A web chat on another site (127.0.0.1 is not the same site as localhost) with the link in a message.
  const preview = `${cms}/preview/bulletins/${String(bulletinId)}`
  await page.route('http://127.0.0.1:9/chat', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>聊天</title><p>请看稿件：<a href="${preview}">稿件预览</a></p>` }))
  await page.goto('http://127.0.0.1:9/chat')
  await page.getByRole('link', { name: '稿件预览' }).click()
  await page.waitForURL(/\/admin\/login\?redirect=/)
  await expect(page.getByText(settings.siteName).first()).toBeVisible()
  await expect(page.locator('body')).not.toContainText(marker)
  await submitLogin(page, email, pass)
  await page.waitForURL(preview)
  await expect(page.locator('.bulletin')).toContainText(marker)
})

test('the chain passes and signs the imported bulletin; published, it appears on the site', async ({ request }) => {
  test.setTimeout(240_000)
  const flow = async (role: string, action: string) =>
    request.post(`${cms}/api/bulletins/${String(bulletinId)}/workflow`, { headers: await as(request, role), data: { action }, failOnStatusCode: false })
  for (const [role, action] of [
    ['editor', 'submit'],
    ['reviewer', 'pass'],
    ['signer', 'sign'],
  ] as const) {
    const res = await flow(role, action)
    expect(res.status(), await res.text()).toBe(200)
  }
  const publish = await request.patch(`${cms}/api/bulletins/${String(bulletinId)}`, { headers: await as(request, 'editor'), data: { _status: 'published' } })
  expect(publish.ok(), await publish.text()).toBe(true)
  const url = `${site}/bulletins/mentougou-kuaibao/${String(issueNumber)}/`
  await until(request, url, 200)
  const page = await (await request.get(url)).text()
  expect(page).toContain(marker)
  expect(page).not.toContain('草稿预览')
  // Taken down again so the other live tests see the seeded site.
  await request.patch(`${cms}/api/bulletins/${String(bulletinId)}`, { headers: await as(request, 'editor'), data: { _status: 'draft' } })
  await until(request, url, 404)
})

test('a 公文 imported from Word is published with its 主送, 附件说明, 落款, 成文日期 and 版记 where the paper has them, and nothing of its 版头 marks', async ({ page, request }) => {
  test.setTimeout(240_000)
  const layout = LAYOUTS.find((l) => l.name.startsWith('决定'))!
  const imported = await request.post(`${cms}/api/imports`, { headers: await as(request, 'editor'), multipart: { file: { name: '表彰决定.docx', mimeType: 'application/octet-stream', buffer: await layoutDocx(layout) } } })
  expect(imported.status(), await imported.text()).toBe(201)
  const { id } = (await imported.json()) as { id: number }
  // A 份号 the office keeps for itself.
  expect((await request.patch(`${cms}/api/resolutions/${String(id)}?draft=true`, { headers: await as(request, 'editor'), data: { gongwen: { copyNumber: '000321' } } })).ok()).toBe(true)
  for (const [role, action] of [['editor', 'submit'], ['reviewer', 'pass'], ['signer', 'sign']] as const) {
    const res = await request.post(`${cms}/api/resolutions/${String(id)}/workflow`, { headers: await as(request, role), data: { action } })
    expect(res.status(), await res.text()).toBe(200)
  }
  const published = await request.patch(`${cms}/api/resolutions/${String(id)}`, { headers: await as(request, 'editor'), data: { _status: 'published' } })
  expect(published.ok(), await published.text()).toBe(true)
  const slug = ((await published.json()) as { doc: { slug: string } }).doc.slug
  const url = `${site}/resolutions/${slug}/`
  try {
    await until(request, url, 200)
    await page.goto(url)
    await expect(page.locator('.gw-addressee')).toHaveText('各镇人民政府,各街道办事处,区政府各委、办、局：')
    await expect(page.locator('.gw-attachments li')).toHaveText(['先进集体名单', '先进个人名单'])
    await expect(page.locator('.gw-signature')).toContainText('北京市门头沟区人民政府')
    await expect(page.locator('.gw-signature')).toContainText('2023年7月20日')
    await expect(page.locator('.gw-colophon')).toContainText('抄送：区委办公室,区人大常委会办公室。')
    await expect(page.locator('main')).not.toContainText('000321')
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  } finally {
    await request.patch(`${cms}/api/resolutions/${String(id)}`, { headers: await as(request, 'editor'), data: { _status: 'draft' } })
    await until(request, url, 404)
    await request.delete(`${cms}/api/resolutions/${String(id)}`, { headers: await as(request, 'admin') })
  }
})
