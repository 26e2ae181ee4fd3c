import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import { type APIRequestContext, expect, test } from '@playwright/test'

import { MAX_AGE_MS } from '../../../cms/access/publicMedia.ts'
import { seedFrom } from '../../lib/seeded.ts'
import type { LeakPlan } from './leak-fixtures.ts'
import { as, cms, liveDir, site, until } from './helpers.ts'

// A randomized draft-leak test: a few hundred documents in random states (draft, published,
// published-then-edited-as-draft, unpublished, scheduled), then everything an anonymous reader can
// reach — REST, media, built pages, feeds, sitemap and the search index — is searched for the words
// and file names that must stay private. The published ones are looked for too, so the check can fail.
// LEAK_SEED=<seed printed by a failed run> replays the same documents.

const root = path.resolve(import.meta.dirname, '../../..')
const COLLECTIONS = ['news', 'resolutions', 'bulletins', 'figures'] as const

/** Every JSON page an anonymous reader gets from a collection's REST list (with and without draft=true). */
const restText = async (request: APIRequestContext, collection: string) => {
  let text = ''
  for (const draft of ['', '&draft=true']) {
    for (let page = 1; ; page++) {
      const res = await request.get(`${cms}/api/${collection}?limit=100&depth=1&sort=id&page=${String(page)}${draft}`)
      expect(res.ok()).toBe(true)
      const body = await res.text()
      text += body
      if (!(JSON.parse(body) as { hasNextPage: boolean }).hasNextPage) break
    }
  }
  return text
}

/** The text of every file of the live release (pages, feeds, sitemap, search index decompressed). */
const siteText = () => {
  const dir = realpathSync(path.join(liveDir, 'dist'))
  const parts: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = readFileSync(file)
    let data = bytes
    if (entry.name.startsWith('pagefind') || file.includes(`${path.sep}pagefind${path.sep}`)) {
      try {
        data = gunzipSync(bytes)
      } catch {
        // Not compressed (pagefind.js, the wasm): searched as it is.
      }
    }
    parts.push(path.relative(dir, file), data.toString('utf8'))
  }
  return parts.join('\n')
}

test('no unpublished word or file name reaches an anonymous reader, in any state, anywhere', async ({ request, playwright }) => {
  test.setTimeout(600_000)
  const env = { ...process.env, DATA_DIR: liveDir, DATABASE_URI: `file:${path.join(liveDir, 'live.db')}`, PAYLOAD_SECRET: 'live-e2e-secret' }
  const seed = seedFrom('LEAK_SEED')
  console.log(`draft-leak: seed ${String(seed)} (replay: LEAK_SEED=${String(seed)})`)
  const fixtures = spawnSync(process.execPath, [path.join(root, 'tests/e2e/live/leak-fixtures.ts'), '240', String(seed)], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const fixturesDone = Date.now()
  expect(fixtures.status, `seed ${String(seed)}: ${fixtures.stderr}`).toBe(0)
  const plan = JSON.parse(fixtures.stdout.trim().split('\n').at(-1)!) as LeakPlan
  console.log(`draft-leak: seed ${String(plan.seed)}, ${String(plan.visible.length)} visible, ${String(plan.hidden.length)} hidden`)
  expect(plan.hidden.length).toBeGreaterThan(100)
  expect(new Set(plan.hidden.map((h) => h.state)).size).toBe(4)

  // Rebuild, and wait until the release holds the last fixture (written after all the others).
  expect((await request.post(`${cms}/api/site-build`, { headers: await as(request, 'admin') })).ok()).toBe(true)
  await until(request, `${site}/news/leak-${plan.visible.at(-1)!.token}/`, 200, 400_000)

  // The fixtures were written by another process, which the CMS notices after at most MAX_AGE_MS (its
  // public-media set; its REST answers are read fresh, as this test's URLs were never cached before).
  // Reading earlier would report that documented delay as a leak: wait until the last fixture's image
  // (written after all the others) is served, which means the set was computed after every fixture.
  const anon = await playwright.request.newContext()
  const lastFile = plan.visible.at(-1)!.file!
  await expect
    .poll(async () => (await anon.get(`${cms}/api/media/file/${lastFile}`, { failOnStatusCode: false })).status(), { timeout: Math.max(0, fixturesDone - Date.now()) + 10 * MAX_AGE_MS + 30_000, intervals: [500] })
    .toBe(200)
  const rest = (await Promise.all(COLLECTIONS.map((c) => restText(anon, c)))).join('\n')
  const media = await (async () => {
    let text = ''
    for (let page = 1; ; page++) {
      const body = await (await anon.get(`${cms}/api/media?limit=100&sort=id&page=${String(page)}`)).text()
      text += body
      if (!(JSON.parse(body) as { hasNextPage: boolean }).hasNextPage) return text
    }
  })()
  const built = siteText()

  const leaks: string[] = []
  for (const h of plan.hidden) {
    if (rest.includes(h.token)) leaks.push(`REST: ${h.kind} ${String(h.id)} (${h.state}) ${h.token}`)
    if (built.includes(h.token)) leaks.push(`site/index: ${h.kind} ${String(h.id)} (${h.state}) ${h.token}`)
    if (h.file && (media.includes(h.file) || rest.includes(h.file) || built.includes(h.file.replace(/\.png$/, '')))) leaks.push(`file name: ${h.file} (${h.state})`)
    if (h.file) {
      const status = (await anon.get(`${cms}/api/media/file/${h.file}`, { failOnStatusCode: false })).status()
      if (status === 200) leaks.push(`file served: ${h.file} (${h.state})`)
    }
    if (h.state !== 'editedDraft') {
      const status = (await anon.get(`${cms}/api/${h.kind}/${String(h.id)}?draft=true`, { failOnStatusCode: false })).status()
      if (status !== 404) leaks.push(`by id: ${h.kind} ${String(h.id)} (${h.state}) answered ${String(status)}`)
    }
  }
  // Version histories and internal collections are not for anonymous readers at all.
  for (const c of COLLECTIONS) {
    const status = (await anon.get(`${cms}/api/${c}/versions`, { failOnStatusCode: false })).status()
    if (status !== 403) leaks.push(`versions of ${c} answered ${String(status)}`)
  }
  for (const c of ['users', 'payload-jobs', 'payload-locked-documents', 'payload-preferences']) {
    const status = (await anon.get(`${cms}/api/${c}`, { failOnStatusCode: false })).status()
    if (status !== 403) leaks.push(`${c} answered ${String(status)}`)
  }
  expect(leaks, leaks.slice(0, 20).join('\n')).toEqual([])

  // The control: what is published is found by the very same checks.
  for (const v of plan.visible) {
    if (!rest.includes(v.token)) {
      // Say what the document looks like to each reader, to tell a test fault from a product one.
      const one = async (ctx: APIRequestContext, headers = {}) => {
        const res = await ctx.get(`${cms}/api/${v.kind}/${String(v.id)}?depth=0`, { headers, failOnStatusCode: false })
        return `${String(res.status())} ${(await res.text()).slice(0, 300)}`
      }
      console.log(`draft-leak: ${v.kind} ${String(v.id)} missing from REST lists; anonymous: ${await one(anon)}; editor: ${await one(request, await as(request, 'editor'))}`)
    }
    expect(rest.includes(v.token), `REST lacks published ${v.kind} ${String(v.id)} ${v.token}`).toBe(true)
    expect(built.includes(v.token), `site lacks published ${v.token}`).toBe(true)
    if (v.file) expect((await anon.get(`${cms}/api/media/file/${v.file}`)).status(), v.file).toBe(200)
  }
  await anon.dispose()
})
