/**
 * Publish-to-live and takedown-to-gone over the real stack: a change is made over the CMS's REST API,
 * then the public page is polled until it shows (or no longer shows) the change, and either the search
 * page, in a fresh browser context each time, until its results agree, or the page on each public target.
 * Times run from the request. Then the site is rolled back (the dashboard's 全部回退) a few times: each
 * brings back the page taken down last.
 *
 * The search is timed twice: when the server answered the agreeing search's first index file (the
 * release's search as served, the same atomic switch as the page), and when the reader's cold page showed
 * its results (that plus a first search of its own on these two cores, ~0.65 s on an idle machine at
 * 100,000 documents). Each try's browser context and tab are opened before they are needed, as a reader's
 * browser is already running: opening them took ~0.35 s, which no publish causes.
 */
import { readFile } from 'node:fs/promises'

import type { Browser } from '@playwright/test'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { searchReady } from './probe.ts'

export interface ChangeTiming {
  kind: 'publish' | 'unpublish' | 'delete' | 'rollback'
  /** From the request to the page answering 200 (publish, rollback) or 404 (takedown). */
  pageMs: number | null
  /** From the request to the search page agreeing (the title found, or no longer found) on the reader's cold page; without a browser, not timed. */
  searchMs: number | null
  /** From the request to the server answering the agreeing search's first index file (`/pagefind/partitions.json`). */
  searchServedMs?: number | null
  /** From the request to the page answering 200 / 404 on each public target's web server. */
  targetMs?: Record<string, number | null>
  /** Pages the release that went live re-rendered (lists, feeds and related pages included). */
  rendered?: number | null
}

interface Stack {
  cms: string
  /** The build state file of the site's data directory (publisher/state.ts): what each release rendered. */
  buildState?: string
  site: string
  /** Session tokens: editors publish and unpublish, only administrators delete. */
  tokens: { editor: string; admin: string }
  /** The browser that searches (the search is timed only with one). */
  browser?: Browser
  timeoutMs?: number
  /** Public targets whose web servers are polled too: kind → where a site path shows there. */
  targets?: { kinds: string[]; url: (kind: string, pathname: string) => string }
  /** How many rollbacks to time after the takedowns (each needs an administrator). */
  rollbacks?: number
}

const poll = async (check: () => Promise<boolean>, started: number, timeoutMs: number, everyMs: number): Promise<number | null> => {
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await new Promise((r) => setTimeout(r, everyMs))
  }
  return null
}

/** Fresh browser contexts with a blank tab, each opened before the try that uses it. */
const openTabs = (browser: Browser) => {
  const open = async () => {
    const context = await browser.newContext()
    return { context, page: await context.newPage() }
  }
  let next = open()
  const take = () => {
    const taken = next
    next = open()
    next.catch(() => undefined)
    return taken
  }
  /** Closes the tab opened for a try that was not needed. */
  const close = async () => (await next.catch(() => null))?.context.close()
  return { take, close }
}

/**
 * Whether the search for `word` lists `title` (null: it did not answer), and when (epoch ms) the server
 * answered the search's first index file, the release's list of partitions.
 */
const searchShows = async (tabs: ReturnType<typeof openTabs>, site: string, word: string, title: string) => {
  const { context, page } = await tabs.take()
  try {
    await page.goto(`${site}/search/?q=${encodeURIComponent(word)}`)
    await page.waitForFunction(searchReady, undefined, { timeout: 30_000 })
    const shows = (await page.locator('#search-results li h2').allTextContents()).some((t) => t.includes(title))
    const servedAt = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/pagefind/partitions.json')) as PerformanceResourceTiming | undefined
      return entry ? performance.timeOrigin + entry.responseEnd : null
    })
    return { shows, servedAt }
  } catch {
    // A search that does not answer agrees with nothing: the poll goes on (and times out, reported as such).
    return { shows: null, servedAt: null }
  } finally {
    await context.close()
  }
}

const measure = async (s: Stack, kind: ChangeTiming['kind'], request: () => Promise<Response>, url: string, word: string, title: string): Promise<ChangeTiming> => {
  const timeoutMs = s.timeoutMs ?? 120_000
  const started = Date.now()
  const res = await request()
  if (!res.ok) throw new Error(`${kind} 请求失败：HTTP ${String(res.status)} ${await res.text()}`)
  const shows = kind === 'publish' || kind === 'rollback'
  const wanted = shows ? 200 : 404
  // A target's answer counts once it is the wanted one ("not found" on a bucket is 403 or 404).
  const answers = (status: number) => (wanted === 200 ? status === 200 : status === 404 || status === 403)
  const pathname = new URL(url).pathname
  // Each is timed from the request and none waits for a target (the search used to start only once every
  // target had answered, and so measured the slowest one). The search is tried once the page is live
  // here: it ships with the release, and a browser searching meanwhile would take a core from the publish.
  const page = poll(async () => (await fetch(url)).status === wanted, started, timeoutMs, 100)
  const tabs = s.browser ? openTabs(s.browser) : null
  let servedAt: number | null = null
  const agrees = (result: Awaited<ReturnType<typeof searchShows>>) => {
    if (result.shows !== shows) return false
    servedAt = result.servedAt
    return true
  }
  const search = tabs ? page.then(() => poll(async () => agrees(await searchShows(tabs, s.site, word, title)), started, timeoutMs, 250)) : Promise.resolve(null)
  const [pageMs, searchMs, ...targetTimes] = await Promise.all([
    page,
    search,
    ...(s.targets?.kinds ?? []).map((k) => poll(async () => answers((await fetch(s.targets!.url(k, pathname)).catch(() => ({ status: 0 }))).status), started, timeoutMs, 100)),
  ])
  const targetMs = s.targets ? Object.fromEntries(s.targets.kinds.map((k, i) => [k, targetTimes[i] ?? null])) : undefined
  const rendered = s.buildState ? ((JSON.parse(await readFile(s.buildState, 'utf8').catch(() => '{}')) as { lastRendered?: number }).lastRendered ?? null) : undefined
  await tabs?.close()
  const searchServedMs = searchMs === null || servedAt === null ? null : Math.round(servedAt - started)
  return { kind, pageMs, searchMs, ...(tabs ? { searchServedMs } : {}), ...(targetMs ? { targetMs } : {}), ...(rendered !== undefined ? { rendered } : {}) }
}

/** Publishes `n` news items one after another, then takes them down (unpublish and delete in turn). */
export const measureChanges = async (s: Stack, n: number, onResult: (r: ChangeTiming) => void): Promise<ChangeTiming[]> => {
  const headers = { 'content-type': 'application/json', authorization: `JWT ${s.tokens.editor}` }
  const adminHeaders = { ...headers, authorization: `JWT ${s.tokens.admin}` }
  const results: ChangeTiming[] = []
  const made: { id: number; slug: string; word: string; title: string }[] = []
  const take = (r: ChangeTiming) => {
    results.push(r)
    onResult(r)
  }
  for (let i = 0; i < n; i++) {
    // A Latin word Pagefind indexes as one token, unique to this change.
    const word = `benchlive${Math.random().toString(36).slice(2, 10)}`
    const title = `基准测试发布${String(i + 1)} ${word}`
    const slug = `bench-live-${word}`
    let id = 0
    take(
      await measure(
        s,
        'publish',
        async () => {
          const res = await fetch(`${s.cms}/api/news`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ title, slug, date: new Date().toISOString(), category: '文明实践', body: await markdownToRichText(`发布到上线测试 ${word}`), _status: 'published' }),
          })
          if (res.ok) id = ((await res.clone().json()) as { doc: { id: number } }).doc.id
          return res
        },
        `${s.site}/news/${slug}/`,
        word,
        title,
      ),
    )
    made.push({ id, slug, word, title })
  }
  for (const [i, doc] of made.entries()) {
    const kind = i % 2 === 0 ? 'unpublish' : 'delete'
    const request = () =>
      kind === 'delete'
        ? fetch(`${s.cms}/api/news/${String(doc.id)}`, { method: 'DELETE', headers: adminHeaders })
        : fetch(`${s.cms}/api/news/${String(doc.id)}`, { method: 'PATCH', headers, body: JSON.stringify({ _status: 'draft' }) })
    take(await measure(s, kind, request, `${s.site}/news/${doc.slug}/`, doc.word, doc.title))
  }
  // Each rollback goes one release further back: it brings back the page taken down last, then the one before.
  for (const doc of s.rollbacks ? made.slice(-s.rollbacks).reverse() : []) {
    take(await measure(s, 'rollback', () => fetch(`${s.cms}/api/site-rollback`, { method: 'POST', headers: adminHeaders }), `${s.site}/news/${doc.slug}/`, doc.word, doc.title))
  }
  return results
}
