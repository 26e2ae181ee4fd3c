/**
 * The bench's browser figures on the local site: a first search for five queries on a cold page (bytes,
 * time to the first results) and the transferred size of three typical pages (HTML, CSS and JS, gzip).
 */
import { gzipSync } from 'node:zlib'

import { chromium } from '@playwright/test'

import { coldLoad, type meter, searchReady } from './probe.ts'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export const pageFigures = async (siteBase: string, m: ReturnType<typeof meter>, say: (line: string) => void) => {
  say('▶ 冷启动页面测量（Chromium）')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  const searches: { q: string; bytes: number; ms: number; searchMs?: number; results: string }[] = []
  for (const q of ['门前三包', '门常发〔2021〕23号', '志愿服务', '斋堂镇', '垃圾分类']) {
    const r = await coldLoad(browser, m, `${siteBase}/search/?q=${encodeURIComponent(q)}`, searchReady)
    const page = await browser.newPage()
    await page.goto(`${siteBase}/search/?q=${encodeURIComponent(q)}`)
    await page.waitForFunction(searchReady)
    const status = (await page.locator('#search-status').textContent()) ?? ''
    await page.close()
    searches.push({ q, bytes: r.bytes, ms: r.ms, searchMs: r.searchMs, results: status })
    say(`  搜索“${q}”：${kb(r.bytes)}，首批结果：打开页面起 ${String(r.ms)} ms，搜索脚本起 ${String(r.searchMs ?? '—')} ms — ${status}`)
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
