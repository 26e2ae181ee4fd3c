import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { as, cms, signInFresh, site, token, until } from './helpers.ts'

// One publish, every target, through the real `npm start`: an admin adds a ferry-folder target, the CMS
// pushes the live release to it by itself, a published news item follows within seconds, and the
// receiver on the "public machine" (another directory) verifies and serves it. Staff read the targets'
// status; only admins see the public key, add targets or roll back; the dashboard shows the panel.

const root = path.resolve(import.meta.dirname, '../../..')
type Status = { targets: { name: string; kind: string; live: string | null; behind: number; lastError: string | null; tamper: number }[]; publicKey?: string }

test('a folder target receives every release by itself, and the receiver serves it', async ({ request, playwright, page }) => {
  test.setTimeout(180_000)
  const ferry = mkdtempSync(path.join(os.tmpdir(), 'wenming-ferry-'))
  const webroot = mkdtempSync(path.join(os.tmpdir(), 'wenming-public-'))
  const name = `摆渡目录 ${token('t')}`
  const admin = await as(request, 'admin')
  const editor = await as(request, 'editor')
  const anon = await playwright.request.newContext()

  expect((await request.post(`${cms}/api/publish-targets`, { headers: editor, data: { name, kind: 'folder', path: ferry } })).status()).toBe(403)
  expect((await request.post(`${cms}/api/site-rollback`, { headers: editor })).status()).toBe(403)
  const created = await request.post(`${cms}/api/publish-targets`, { headers: admin, data: { name, kind: 'folder', path: ferry, enabled: true } })
  expect(created.status(), await created.text()).toBe(201)

  expect((await anon.get(`${cms}/api/publish-targets/status`)).status()).toBe(401)
  const status = async (headers: Record<string, string>) => (await (await request.get(`${cms}/api/publish-targets/status`, { headers })).json()) as Status
  const mine = async () => (await status(admin)).targets.find((t) => t.name === name)!
  expect((await status(editor)).publicKey).toBeUndefined()
  const publicKey = (await status(admin)).publicKey!
  expect(publicKey).toContain('BEGIN PUBLIC KEY')
  const keyFile = path.join(webroot, '..', `${path.basename(webroot)}.pem`)
  writeFileSync(keyFile, publicKey)

  // The live release arrives without a publish.
  await expect.poll(async () => (await mine()).behind, { timeout: 30_000 }).toBe(0)
  expect((await mine()).lastError).toBeNull()

  const word = token('ferry')
  const res = await request.post(`${cms}/api/news`, {
    headers: editor,
    data: { title: `摆渡发布 ${word}`, slug: `ferry-${word}`, date: '2024-11-12T04:00:00.000Z', category: '其他', body: await markdownToRichText(`摆渡正文 ${word}。`), _status: 'published' },
  })
  expect(res.status(), await res.text()).toBe(201)
  await until(request, `${site}/news/ferry-${word}/`, 200)
  await expect.poll(async () => (await mine()).behind, { timeout: 30_000 }).toBe(0)

  const received = spawnSync(process.execPath, [path.join(root, 'scripts/receive.ts'), ferry, webroot, '--key', keyFile], { encoding: 'utf8' })
  expect(received.status, received.stderr).toBe(0)
  const served = path.join(webroot, 'current', 'news', `ferry-${word}`, 'index.html')
  if (!existsSync(served)) {
    // What the receiver did and what the CMS says, kept with the report (the folders are temporary).
    await test.info().attach('receive', { contentType: 'text/plain', body: `${received.stdout}\n${readdirSync(ferry).join('\n')}\n${JSON.stringify(await mine())}` })
  }
  expect(readFileSync(served, 'utf8')).toContain(`摆渡发布 ${word}`)

  // The dashboard names the target and its state.
  const id = await signInFresh(page, request, 'admin', 'targets')
  await page.goto(`${cms}/admin`)
  const panel = page.getByRole('region', { name: '发布目标' }).or(page.locator('section[aria-labelledby="targets-title"]'))
  await expect(panel.getByRole('rowheader', { name })).toBeVisible()
  await expect(panel.locator(`tr[data-target="${name}"]`)).toContainText('已同步')
  await request.delete(`${cms}/api/users/${String(id)}`, { headers: admin })
  await anon.dispose()
})
