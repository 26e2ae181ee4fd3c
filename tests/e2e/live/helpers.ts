import path from 'node:path'

import { type APIRequestContext, expect, type Page } from '@playwright/test'
import lockfile from 'proper-lockfile'

// The `npm start` stack of the live projects (see playwright.config.ts).
export const cms = `http://localhost:${process.env.E2E_LIVE_CMS_PORT!}`
export const site = `http://localhost:${process.env.E2E_LIVE_SITE_PORT!}`
export const password = 'live-password-123'
export const liveDir = process.env.E2E_LIVE_DIR!

const tokens: Record<string, string> = {}

/**
 * The test workers sign in to the demo accounts one at a time. Payload adds a login's session by reading
 * the account's list of sessions and writing it back, so two logins of one account at once can drop one
 * session: that worker's token then reads as nobody (a 403 where the admin was meant, seen with parallel
 * workers).
 */
const inLoginTurn = async <T>(work: () => Promise<T>): Promise<T> => {
  const release = await lockfile.lock(liveDir, {
    lockfilePath: path.join(liveDir, 'demo-login.lock'),
    realpath: false,
    stale: 15_000,
    retries: { retries: 200, factor: 1, minTimeout: 50, maxTimeout: 50 },
  })
  try {
    return await work()
  } finally {
    await release()
  }
}

/** A session token of a demo account (cached per test file). */
export const login = async (request: APIRequestContext, role: string) => {
  if (tokens[role]) return tokens[role]
  const res = await inLoginTurn(() => request.post(`${cms}/api/users/login`, { data: { email: `${role}@example.com`, password } }))
  expect(res.ok(), await res.text()).toBe(true)
  tokens[role] = ((await res.json()) as { token: string }).token
  return tokens[role]
}

/** The Authorization header of a demo account. */
export const as = async (request: APIRequestContext, role: string) => ({ Authorization: `JWT ${await login(request, role)}` })

/** A strong password no test shares. */
export const strongPassword = () => `Zhengshi-${Math.random().toString(36).slice(2, 10)}-密码`

/** A fresh account of `role`, made by the admin: tests that lock it or sign in with it leave the demo accounts alone. */
export const newAccount = async (request: APIRequestContext, { role = 'editor', pass = strongPassword(), prefix = 'attack' }: { role?: string; pass?: string; prefix?: string } = {}) => {
  const email = `${prefix}-${Math.random().toString(36).slice(2, 8)}@example.com`
  const res = await request.post(`${cms}/api/users`, { headers: await as(request, 'admin'), data: { email, name: '测试账号', roles: [role], password: pass } })
  expect(res.status(), await res.text()).toBe(201)
  return { email, pass, id: ((await res.json()) as { doc: { id: number } }).doc.id }
}

/** Fills in and sends the admin's sign-in form on the page shown. */
export const submitLogin = async (page: Page, email: string, pass: string) => {
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(pass)
  await page.locator('button[type="submit"]').click()
}

/**
 * Signs `page` into the admin with a fresh account of `role` (made through `request`) and returns its id
 * for the caller to delete: the demo accounts' sessions stay untouched (parallel logins of one account
 * could replace each other's session).
 */
export const signInFresh = async (page: Page, request: APIRequestContext, role: string, prefix: string) => {
  const { email, pass, id } = await newAccount(request, { role, prefix })
  await page.goto(`${cms}/admin/login`)
  await submitLogin(page, email, pass)
  await page.waitForURL(/\/admin\/?$/)
  return id
}

/** Polls a URL until it answers with `status`; returns the milliseconds it took. */
export const until = async (request: APIRequestContext, url: string, status: number, timeoutMs = 150_000) => {
  const started = Date.now()
  for (;;) {
    const res = await request.get(url, { failOnStatusCode: false })
    if (res.status() === status) return Date.now() - started
    if (Date.now() - started > timeoutMs) throw new Error(`${url} still ${String(res.status())} after ${String(timeoutMs)} ms`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

export interface BuildState {
  status: string
  error: string | null
  current: string | null
  failures: { url?: string; message: string }[]
}

export const buildState = async (request: APIRequestContext) =>
  (await (await request.get(`${cms}/api/site-build`, { headers: await as(request, 'admin') })).json()) as BuildState

/** Waits until no rebuild is queued or running and the last one succeeded. */
export const settled = async (request: APIRequestContext, timeout = 240_000) =>
  expect.poll(async () => (await buildState(request)).status, { timeout, intervals: [1000] }).toBe('idle')

/** A unique lower-case Latin token: Pagefind indexes it as one word, so it can be found in the index files. */
export const token = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`
