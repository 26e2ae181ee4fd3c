/**
 * The bench's browser figures on the local site: a first search on a cold page (bytes, time to the first
 * results) for five queries and two that no page answers, what the filter counts add on a wide screen, and
 * the transferred size of three typical pages (HTML, CSS and JS, gzip).
 */
import { gzipSync } from 'node:zlib'

import { chromium } from '@playwright/test'

import { coldLoad, countsReady, type Meter, searchReady } from './probe.ts'
import { median } from './stats.ts'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
/** Cold loads per query: one load's time moves by ±50 ms on this machine, so the median of three is reported, with the slowest. */
const COLD_RUNS = 3

export const pageFigures = async (siteBase: string, m: Meter, say: (line: string) => void) => {
  say('▶ 冷启动页面测量（Chromium）')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  // On a phone (the readers' usual screen; the filters, behind 筛选, are not counted): five everyday
  // searches, then two that no page answers (a clause from elsewhere, a word the archive never uses).
  const PHONE = { width: 375, height: 812 }
  const WIDE = { width: 1280, height: 800 }
  const searches: { q: string; bytes: number; ms: number; searchMs?: number; slowestSearchMs?: number; results: string; countsBytes?: number }[] = []
  for (const q of ['门前三包', '门常发〔2021〕23号', '志愿服务', '斋堂镇', '垃圾分类', '完善出口退税负担机制', '火星探测器']) {
    const url = `${siteBase}/search/?q=${encodeURIComponent(q)}`
    const runs = []
    for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldLoad(browser, m, url, searchReady, PHONE))
    const searchTimes = runs.flatMap((run) => (run.searchMs === undefined ? [] : [run.searchMs]))
    const r = {
      bytes: Math.max(...runs.map((run) => run.bytes)),
      ms: median(runs.map((run) => run.ms)),
      searchMs: searchTimes.length ? median(searchTimes) : undefined,
      slowestSearchMs: searchTimes.length ? Math.max(...searchTimes) : undefined,
    }
    const page = await browser.newPage({ viewport: PHONE })
    await page.goto(url)
    await page.waitForFunction(searchReady)
    const status = (await page.locator('#search-status').textContent()) ?? ''
    await page.close()
    // On a wide screen the filters are beside the results and count them: what that adds.
    const wide = q === '门前三包' || q === '志愿服务' ? await coldLoad(browser, m, url, countsReady, WIDE) : null
    const countsBytes = wide ? Math.max(0, wide.bytes - r.bytes) : undefined
    searches.push({ q, ...r, results: status, countsBytes })
    say(`  搜索“${q}”：${kb(r.bytes)}，首批结果（${String(COLD_RUNS)} 次中位）：打开页面起 ${String(r.ms)} ms，搜索脚本起 ${String(r.searchMs ?? '—')} ms（最慢 ${String(r.slowestSearchMs ?? '—')} ms）${countsBytes === undefined ? '' : `；宽屏筛选计数另加 ${kb(countsBytes)}`} — ${status}`)
  }
  const firstLink = async (listPath: string, prefix: string) => {
    const html = await (await fetch(`${siteBase}${listPath}`)).text()
    return new RegExp(`href="(${prefix}[^"]+)"`).exec(html)?.[1] ?? listPath
  }
  const weight = async (p: string) => {
    const res = await fetch(`${siteBase}${p}`, { headers: { 'accept-encoding': 'identity' } })
    const html = await res.text()
    let bytes = gzipSync(html, { level: 9 }).length
    const assets = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"/g)].map((x) => x[1]!)
    for (const a of assets) bytes += gzipSync(Buffer.from(await (await fetch(new URL(a, siteBase))).arrayBuffer()), { level: 9 }).length
    return { path: p, gzipBytes: bytes, assets: assets.length }
  }
  const pages = [await weight('/'), await weight(await firstLink('/bulletins/mentougou-kuaibao/', '/bulletins/mentougou-kuaibao/\\d')), await weight(await firstLink('/news/', '/news/bench-'))]
  for (const p of pages) say(`  ${p.path}：${kb(p.gzipBytes)}（HTML+CSS+JS，gzip，不含图片）`)
  await browser.close()
  return { searches, pages }
}
