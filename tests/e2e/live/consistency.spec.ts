import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { type APIRequestContext, expect, type Page, test } from '@playwright/test'

import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { as, buildState, cms, liveDir, site, token } from './helpers.ts'

// With `npm start` running: many changes fired at once end in a site that agrees with the database,
// and a publisher killed mid-release leaves the last good release serving until the next change.

test.describe.configure({ mode: 'serial' })

interface NewsDoc {
  id: number
  slug: string
  title: string
}

const createNews = async (request: APIRequestContext, word: string, i: number): Promise<NewsDoc> => {
  const slug = `consistency-${word}-${String(i)}`
  const title = `一致性测试${String(i)} ${word}`
  const res = await request.post(`${cms}/api/news`, {
    headers: await as(request, 'editor'),
    data: { title, slug, date: new Date().toISOString(), category: '其他', body: await markdownToRichText(`并发发布测试 ${word}`), _status: 'published' },
  })
  expect(res.ok(), await res.text()).toBe(true)
  return { id: ((await res.json()) as { doc: { id: number } }).doc.id, slug, title }
}

const setStatus = async (request: APIRequestContext, doc: NewsDoc, status: 'draft' | 'published') => {
  const res = await request.patch(`${cms}/api/news/${String(doc.id)}`, { headers: await as(request, 'editor'), data: { _status: status } })
  expect(res.ok(), await res.text()).toBe(true)
}

/** Which of `docs` the database says are published. */
const publishedInDatabase = async (request: APIRequestContext, docs: NewsDoc[]) => {
  const query = `where[id][in]=${docs.map((d) => d.id).join(',')}&where[_status][equals]=published&limit=100&depth=0`
  const res = await request.get(`${cms}/api/news?${query}`, { headers: await as(request, 'editor') })
  const ids = new Set(((await res.json()) as { docs: { id: number }[] }).docs.map((d) => d.id))
  return docs.filter((d) => ids.has(d.id))
}

/** Titles the search page lists for `word` (fresh context: a cold page, as a reader would load it). */
const searchTitles = async (page: Page, word: string) => {
  await page.goto(`${site}/search/?q=${encodeURIComponent(word)}`)
  await expect(page.locator('#search-status')).toHaveText(/共找到|没有找到/)
  // Every result, not only the first page's.
  const more = page.locator('#search-more')
  while (await more.isVisible()) {
    const shown = await page.locator('#search-results > li').count()
    await more.click()
    await expect.poll(async () => (await page.locator('#search-results > li').count()) > shown || !(await more.isVisible())).toBe(true)
  }
  return page.locator('#search-results li h2').allTextContents()
}

/** Every part of the sitemap, one after another. */
const sitemapText = async (request: APIRequestContext) => {
  const index = await (await request.get(`${site}/sitemap-index.xml`)).text()
  const parts = await Promise.all([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(async ([, loc]) => (await request.get(`${site}${new URL(loc!).pathname}`)).text()))
  return index + parts.join('')
}

/** Every place a document shows on the public site agrees with `present` / `absent`. */
const expectSiteAgrees = async (request: APIRequestContext, page: Page, word: string, present: NewsDoc[], absent: NewsDoc[]) => {
  for (const d of present) expect((await request.get(`${site}/news/${d.slug}/`, { failOnStatusCode: false })).status(), d.slug).toBe(200)
  for (const d of absent) expect((await request.get(`${site}/news/${d.slug}/`, { failOnStatusCode: false })).status(), d.slug).toBe(404)
  const texts = {
    list: await (await request.get(`${site}/news/`)).text(),
    home: await (await request.get(`${site}/`)).text(),
    feed: await (await request.get(`${site}/rss/news.xml`)).text(),
    sitemap: await sitemapText(request),
  }
  for (const d of present) {
    expect(texts.list, `列表应有 ${d.slug}`).toContain(`/news/${d.slug}/`)
    expect(texts.feed, `订阅应有 ${d.slug}`).toContain(`/news/${d.slug}/`)
    expect(texts.sitemap, `站点地图应有 ${d.slug}`).toContain(`/news/${d.slug}/`)
  }
  for (const d of absent) for (const [where, text] of Object.entries(texts)) expect(text, `${where} 不应有 ${d.slug}`).not.toContain(`/news/${d.slug}/`)
  const titles = await searchTitles(page, word)
  expect(titles.filter((t) => t.includes(word)).sort()).toEqual(present.map((d) => d.title).sort())
}

/** Waits until the public pages of `docs` answer as the database says (the publisher catches up by itself). */
const waitForPages = async (request: APIRequestContext, present: NewsDoc[], absent: NewsDoc[], timeout = 120_000) =>
  expect
    .poll(
      async () => {
        const wrong: string[] = []
        for (const d of present) if ((await request.get(`${site}/news/${d.slug}/`, { failOnStatusCode: false })).status() !== 200) wrong.push(`缺少 ${d.slug}`)
        for (const d of absent) if ((await request.get(`${site}/news/${d.slug}/`, { failOnStatusCode: false })).status() !== 404) wrong.push(`仍有 ${d.slug}`)
        return wrong
      },
      { timeout, intervals: [500] },
    )
    .toEqual([])

test('20 publishes and unpublishes fired within seconds end in a site consistent with the database', async ({ request, page }) => {
  test.setTimeout(240_000)
  const word = token('burst')
  const started = Date.now()
  // 12 publishes, 6 unpublishes, 2 republishes, one request after another without waiting for the site.
  const docs: NewsDoc[] = []
  for (let i = 0; i < 12; i++) docs.push(await createNews(request, word, i))
  for (const d of docs.slice(0, 6)) await setStatus(request, d, 'draft')
  for (const d of docs.slice(0, 2)) await setStatus(request, d, 'published')
  console.log(`20 changes fired in ${String(Date.now() - started)} ms`)

  const present = await publishedInDatabase(request, docs)
  const absent = docs.filter((d) => !present.includes(d))
  expect(present.map((d) => d.slug).sort()).toEqual([...docs.slice(0, 2), ...docs.slice(6)].map((d) => d.slug).sort())
  await waitForPages(request, present, absent)
  await expect.poll(async () => (await buildState(request)).status, { timeout: 60_000 }).toBe('idle')
  await expectSiteAgrees(request, page, word, present, absent)
})

/** The publisher process serving this stack (its DATA_DIR is the live test's). */
const publisherPid = (): number | null => {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8')
      if (!cmdline.includes(path.join('publisher', 'worker.ts'))) continue
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`DATA_DIR=${liveDir}`)) return Number(name)
    } catch {
      /* the process ended meanwhile */
    }
  }
  return null
}

const unfinishedReleases = () => {
  const dir = path.join(liveDir, 'releases')
  return readdirSync(dir).filter((n) => !readdirSync(path.join(dir, n)).includes('release.json'))
}

test('kill -9 of the publisher mid-release leaves the last good release serving; the next change recovers', async ({ request, page }) => {
  test.setTimeout(300_000)
  const word = token('crash')
  const before = await buildState(request)
  expect(before.status).toBe('idle')
  const victim = await createNews(request, word, 0)
  // Killed as soon as a release directory is being written (the release is not switched yet).
  let killed = false
  const deadline = Date.now() + 60_000
  while (!killed && Date.now() < deadline) {
    const pid = publisherPid()
    if (pid && unfinishedReleases().length > 0 && (await buildState(request)).current === before.current) {
      process.kill(pid, 'SIGKILL')
      killed = true
    } else await new Promise((r) => setTimeout(r, 20))
  }
  expect(killed, 'the publisher was caught mid-release').toBe(true)

  // The last good release still serves, without the half-made change.
  await expect.poll(async () => (await buildState(request)).status, { timeout: 30_000 }).toBe('failed')
  const after = await buildState(request)
  expect(after.current).toBe(before.current)
  expect(after.error).toContain('网站发布进程意外退出')
  expect((await request.get(`${site}/`)).status()).toBe(200)
  expect((await request.get(`${site}/news/${victim.slug}/`, { failOnStatusCode: false })).status()).toBe(404)

  // The next change publishes both (no manual step): a new publisher takes over the stale lock.
  const next = await createNews(request, word, 1)
  await waitForPages(request, [victim, next], [], 120_000)
  await expect.poll(async () => (await buildState(request)).status, { timeout: 60_000 }).toBe('idle')
  await expectSiteAgrees(request, page, word, [victim, next], [])
  expect(unfinishedReleases()).toEqual([])
})
