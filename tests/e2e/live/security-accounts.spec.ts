import { spawnSync } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { type APIRequestContext, expect, test } from '@playwright/test'

import { LOGIN_FAILED } from '../../../cms/auth/hooks.ts'
import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { DEFAULT_SEED_PASSWORD } from '../../../cms/seed/password.ts'
import { as, cms, liveDir, newAccount, password, strongPassword } from './helpers.ts'

// Attacks on accounts and sessions of the running `npm start` stack, over real HTTP.

const tryLogin = (request: APIRequestContext, email: string, pass: string, headers: Record<string, string> = {}) =>
  request.post(`${cms}/api/users/login`, { data: { email, password: pass }, headers, failOnStatusCode: false })

test('the servers listen on loopback only', async () => {
  const outward = Object.values(os.networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')
  test.skip(!outward, 'this machine has no non-loopback interface to attack from')
  for (const port of [process.env.E2E_LIVE_CMS_PORT, process.env.E2E_LIVE_SITE_PORT]) {
    const reached = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: outward!.address, port: Number(port), timeout: 3000 })
      socket.on('connect', () => (socket.destroy(), resolve(true)))
      socket.on('error', () => resolve(false))
      socket.on('timeout', () => (socket.destroy(), resolve(false)))
    })
    expect(reached, `port ${String(port)} answers on ${outward!.address}`).toBe(false)
  }
})

test('the documented demo password works from this machine on a local trial, and never from another', async ({ request }) => {
  const email = `demo-${Math.random().toString(36).slice(2, 8)}@example.com`
  const env = { ...process.env, DATA_DIR: liveDir, DATABASE_URI: `file:${path.join(liveDir, 'live.db')}`, PAYLOAD_SECRET: 'live-e2e-secret' }
  const made = spawnSync(process.execPath, [path.join(import.meta.dirname, 'demo-account.ts'), email], { env, encoding: 'utf8' })
  expect(made.status, made.stderr).toBe(0)
  expect((await tryLogin(request, email, DEFAULT_SEED_PASSWORD)).status()).toBe(200)
  // From another address (as a proxy reports it), whether or not such an account exists: the refusal
  // comes before any account is looked up.
  for (const [account, forwarded] of [[email, '203.0.113.9'], [email, '127.0.0.1, 198.51.100.7'], ['admin@example.com', '203.0.113.9']]) {
    const res = await tryLogin(request, account!, DEFAULT_SEED_PASSWORD, { 'X-Forwarded-For': forwarded! })
    expect(res.status()).toBe(401)
    expect(await res.text()).toContain('演示密码只能在本机试用时使用')
  }
  // …and nobody can give an account that password.
  const res = await request.post(`${cms}/api/users`, { headers: await as(request, 'admin'), data: { email: 'demo-pw@example.com', name: '演示', roles: ['editor'], password: DEFAULT_SEED_PASSWORD }, failOnStatusCode: false })
  expect(res.status()).toBe(400)
  expect(await res.text()).toContain('演示密码')
})

test('five wrong passwords lock the account; only an admin or time unlocks it', async ({ request }) => {
  const account = await newAccount(request)
  for (let i = 0; i < 5; i++) expect((await tryLogin(request, account.email, `wrong-${String(i)}-password`)).status()).toBe(401)
  const locked = await tryLogin(request, account.email, account.pass)
  expect(locked.status(), 'the right password is refused while locked').toBe(401)

  // Any other signed-in user trying to lift the lock (which would turn it into unlimited guessing).
  for (const role of ['editor', 'reviewer', 'signer']) {
    const unlock = await request.post(`${cms}/api/users/unlock`, { headers: await as(request, role), data: { email: account.email }, failOnStatusCode: false })
    expect(unlock.status(), `${role} unlocks`).toBe(403)
  }
  expect((await tryLogin(request, account.email, account.pass)).status()).toBe(401)

  const byAdmin = await request.post(`${cms}/api/users/unlock`, { headers: await as(request, 'admin'), data: { email: account.email } })
  expect(byAdmin.ok(), await byAdmin.text()).toBe(true)
  expect((await tryLogin(request, account.email, account.pass)).status()).toBe(200)
})

test('a failed login reads the same whether the account is unknown, the password wrong or the account locked', async ({ request }) => {
  const account = await newAccount(request)
  const unknown = await tryLogin(request, `nobody-${Math.random().toString(36).slice(2)}@example.com`, 'some-password-1')
  const wrong = await tryLogin(request, account.email, 'wrong-password-1')
  for (let i = 0; i < 5; i++) await tryLogin(request, account.email, 'wrong-password-2')
  const locked = await tryLogin(request, account.email, account.pass)
  const bodies = await Promise.all([unknown, wrong, locked].map(async (r) => ({ status: r.status(), body: await r.json() })))
  expect(bodies[0]).toEqual({ status: 401, body: { errors: [{ message: LOGIN_FAILED }], message: LOGIN_FAILED } })
  expect(bodies[1]).toEqual(bodies[0])
  expect(bodies[2]).toEqual(bodies[0])
})

test('passwords: at least 8 characters and not a common one, with a Chinese message', async ({ request }) => {
  for (const [pass, message] of [
    ['Ab1!x', '至少需要 8 个字符'],
    ['password123', '太常见'],
    ['qwertyuiop', '太常见'],
  ] as const) {
    const res = await request.post(`${cms}/api/users`, {
      headers: await as(request, 'admin'),
      data: { email: `weak-${Math.random().toString(36).slice(2, 8)}@example.com`, name: '弱密码', roles: ['editor'], password: pass },
      failOnStatusCode: false,
    })
    expect(res.status(), pass).toBe(400)
    expect(await res.text()).toContain(message)
  }
})

test('changing one\'s own password needs the current one; a stolen session cannot take the account', async ({ request }) => {
  const account = await newAccount(request)
  const session = ((await (await tryLogin(request, account.email, account.pass)).json()) as { token: string }).token
  const headers = { Authorization: `JWT ${session}` }
  const next = strongPassword()
  for (const data of [{ password: next }, { password: next, currentPassword: 'not-my-password' }]) {
    const res = await request.patch(`${cms}/api/users/${String(account.id)}`, { headers, data, failOnStatusCode: false })
    expect(res.status()).toBe(400)
    expect(await res.text()).toContain('当前密码')
  }
  expect((await tryLogin(request, account.email, next)).status()).toBe(401)
  const ok = await request.patch(`${cms}/api/users/${String(account.id)}`, { headers, data: { password: next, currentPassword: account.pass } })
  expect(ok.ok(), await ok.text()).toBe(true)
  expect((await tryLogin(request, account.email, next)).status()).toBe(200)
  // An admin resetting someone else's password is not asked for theirs.
  const reset = await request.patch(`${cms}/api/users/${String(account.id)}`, { headers: await as(request, 'admin'), data: { password: strongPassword() } })
  expect(reset.ok(), await reset.text()).toBe(true)
})

test('a request from a foreign origin carrying the session cookie is not signed in', async ({ request }) => {
  const res = await tryLogin(request, 'editor@example.com', password)
  const session = ((await res.json()) as { token: string }).token
  // Its own document: other tests' documents (drafts pending on published ones) are left alone.
  const created = await request.post(`${cms}/api/news`, {
    headers: await as(request, 'editor'),
    data: { title: `跨站测试${Math.random().toString(36).slice(2, 8)}`, date: '2022-06-03T12:00:00.000Z', category: '其他', body: await markdownToRichText('跨站请求测试。'), _status: 'published' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const news = ((await created.json()) as { doc: { id: number } }).doc
  const patch = (origin: string) =>
    request.patch(`${cms}/api/news/${String(news!.id)}`, {
      headers: { Cookie: `payload-token=${session}`, Origin: origin },
      data: { subtitle: `跨站修改${origin}` },
      failOnStatusCode: false,
    })
  expect((await patch('https://evil.example')).status()).toBe(403)
  expect((await patch('http://localhost.evil.example')).status()).toBe(403)
  // The CMS's own origin is accepted (the admin works as before).
  const own = await patch(cms)
  expect(own.status(), await own.text()).toBe(200)
})

test('a signed-in answer the CMS keeps is given only to the same session, and ends with it', async ({ request, playwright }) => {
  const account = await newAccount(request)
  // A context of its own: the credentials are only those each request names (no cookie jar).
  const client = await playwright.request.newContext()
  const session = ((await (await tryLogin(client, account.email, account.pass)).json()) as { token: string }).token
  await client.dispose()
  const reader = await playwright.request.newContext()
  const title = `缓存草稿${Math.random().toString(36).slice(2, 8)}`
  const draft = await reader.post(`${cms}/api/news?draft=true`, {
    headers: { Authorization: `JWT ${session}` },
    data: { title, date: '2022-06-04T12:00:00.000Z', category: '其他', body: await markdownToRichText('只有登录后可见。'), _status: 'draft' },
  })
  expect(draft.ok(), await draft.text()).toBe(true)
  const list = `${cms}/api/news?draft=true&depth=0&where[title][equals]=${encodeURIComponent(title)}`
  const read = async (headers: Record<string, string>) => {
    const res = await reader.get(list, { headers, failOnStatusCode: false })
    return { cache: res.headers()['x-cache'], frame: res.headers()['x-frame-options'], titles: res.ok() ? ((await res.json()) as { docs: { title: string }[] }).docs.map((d) => d.title) : [] }
  }
  const signedIn = { Authorization: `JWT ${session}` }
  expect((await read(signedIn)).titles).toEqual([title])
  // Nobody else gets it: no session, a forged token, the session cookie sent from another site.
  expect((await read({})).titles).toEqual([])
  expect((await read({ Authorization: `JWT ${session.slice(0, -2)}xx` })).titles).toEqual([])
  expect((await read({ Cookie: `payload-token=${session}`, Origin: 'https://evil.example' })).titles).toEqual([])
  // Read again: answered from memory in front of Next, with the same security headers. Any write clears
  // the cache, and the tests beside this one write: the read is repeated until two fall between writes.
  await expect.poll(() => read(signedIn), { timeout: 15_000, intervals: [0] }).toEqual({ cache: 'HIT', frame: 'SAMEORIGIN', titles: [title] })
  // Signed out: the same token reads as nobody at once, not from what was kept.
  const out = await reader.post(`${cms}/api/users/logout`, { headers: signedIn })
  expect(out.ok(), await out.text()).toBe(true)
  const after = await read(signedIn)
  expect(after.cache).not.toBe('HIT')
  expect(after.titles).toEqual([])
  await reader.dispose()
})

test('the admin refuses to be framed by another site', async ({ request }) => {
  const res = await request.get(`${cms}/admin/login`)
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(res.headers()['x-frame-options']).toBe('SAMEORIGIN')
})

test('in the admin, changing one\'s own password asks for the current one', async ({ request, page }) => {
  const account = await newAccount(request)
  const next = strongPassword()
  await page.goto(`${cms}/admin/login`)
  await page.fill('input[name=email]', account.email)
  await page.fill('input[name=password]', account.pass)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin$/, { timeout: 30_000 })
  await page.goto(`${cms}/admin/account`)
  await expect(page.locator('input[name=currentPassword]')).toHaveCount(0)
  /** Opens 更改密码 (if closed), types the new password twice and the given current one, and saves. */
  const change = async (current: string) => {
    const open = page.getByRole('button', { name: '更改密码' })
    if (await open.isVisible()) await open.click()
    await page.locator('input[name=password]').fill(next)
    await page.locator('input[name=confirm-password]').fill(next)
    // The admin sends the form's state to the server as it is typed in (debounced): save once the server
    // has answered a state that holds the password just typed.
    const settled = page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']) && (r.request().postData() ?? '').includes(current))
    await page.locator('input[name=currentPassword]').fill(current)
    await settled
    // Saved once the admin has sent the account's PATCH (a click the form was not ready for sends
    // nothing: it is made again, at most three times); returns what the server answered.
    for (let attempt = 0; attempt < 3; attempt++) {
      const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/api\/users\/\d+/.test(r.url()), { timeout: 10_000 }).catch(() => null)
      await page.getByRole('button', { name: '保存' }).click()
      const res = await saved
      if (res) return { status: res.status(), body: await res.text() }
    }
    throw new Error('点击“保存”三次都没有发出保存请求')
  }
  const refused = await change('not-my-password')
  expect(refused.status, refused.body).toBe(400)
  expect(refused.body).toContain('修改自己的密码时，请正确填写当前密码。')
  await expect(page.getByText('修改自己的密码时，请正确填写当前密码。')).toBeVisible({ timeout: 15_000 })
  expect((await tryLogin(request, account.email, next)).status()).toBe(401)
  const accepted = await change(account.pass)
  expect(accepted.status, accepted.body).toBe(200)
  await expect(page.getByText('更新成功')).toBeVisible({ timeout: 15_000 })
  expect((await tryLogin(request, account.email, next)).status()).toBe(200)
})
