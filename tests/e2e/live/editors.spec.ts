// The editor's day over real HTTP and a real browser: import a bulletin from a government-formatted
// .docx on the dashboard, preview it in its print layout, pass the chain, publish, see it on the site;
// the preview without a session or with a forged, revoked link shows no draft text.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { govDocx } from '../../lib/govDocx.ts'
import { as, cms, signInFresh, site, until } from './helpers.ts'

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

test('an editor imports a bulletin from Word on the dashboard and previews it in its print layout', async ({ page, request }, info) => {
  // The account is made through the test's own request context: logging in as admin there leaves the page's cookies alone.
  accounts.push(await signInFresh(page, request, 'editor', 'import-editor'))
  const panel = page.getByRole('region', { name: '导入文档' })
  // The dashboard finishes loading first (a file chosen in a form that is then rendered again is lost).
  await page.waitForLoadState('networkidle')
  await panel.getByLabel('Word/WPS 文档（.docx）').setInputFiles({ name: `快报第${String(issueNumber)}期.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await govDocx(text, { bulletin: true }) })
  await expect.poll(() => panel.getByLabel('Word/WPS 文档（.docx）').evaluate((el) => (el as HTMLInputElement).files?.length ?? 0)).toBe(1)
  await panel.getByRole('button', { name: '导入为草稿' }).click()
  const status = panel.getByRole('status')
  await expect(status).toContainText('已创建草稿')
  await expect(status).toContainText(`期号：第${String(issueNumber)}期`)
  await expect(status).toContainText('核签：李争三')
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
    const res = await anon.get(target, { failOnStatusCode: false })
    expect([401, 403]).toContain(res.status())
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
