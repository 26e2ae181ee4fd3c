/**
 * `npm run eval:search [-- file.json]`: runs a query set against the built site's search page (the real
 * Pagefind index, in headless Chromium) and prints, per query, whether every expected document is in the
 * top k, then the recall. Exits non-zero below 100%. The default set, eval/search-queries.json, is a copy
 * of ../shared/eval/search-queries.json (re-sync it when that file grows).
 */
import { existsSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { chromium } from '@playwright/test'

import { distLink } from '../publisher/release.ts'
import { createSiteServer } from './site-server.ts'

interface QuerySet {
  k?: number
  documents: Record<string, string>
  queries: { q: string; expect: string[]; k?: number }[]
}

const file = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'eval', 'search-queries.json'))
const set = JSON.parse(readFileSync(file, 'utf8')) as QuerySet
const site = process.env.SITE_DIST ?? distLink()
if (!existsSync(path.join(site, 'pagefind', 'partitions.json'))) {
  console.error(`没有找到已生成的网站和搜索索引（${site}）。请先运行 npm run build:site。`)
  process.exit(2)
}

const server = createSiteServer(site)
await new Promise<void>((resolve) => server.listen(0, resolve))
const base = `http://localhost:${String((server.address() as AddressInfo).port)}`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
const page = await browser.newPage()

let hits = 0
let total = 0
console.log(`查询集：${path.relative(process.cwd(), file)}（${String(set.queries.length)} 条）\n`)
for (const query of set.queries) {
  const k = query.k ?? set.k ?? 5
  await page.goto(`${base}/search/?q=${encodeURIComponent(query.q)}`)
  await page.waitForFunction(() => /共找到|没有找到|无法载入/.test(document.getElementById('search-status')?.textContent ?? ''))
  const top = await page.$$eval('#search-results li h2 a', (links) => links.map((a) => ({ title: a.textContent ?? '', url: a.getAttribute('href') ?? '' })))
  const topK = top.slice(0, k)
  const missing = query.expect.filter((doc) => {
    const pattern = new RegExp(set.documents[doc] ?? doc)
    return !topK.some((r) => pattern.test(r.title) || pattern.test(r.url))
  })
  total += query.expect.length
  hits += query.expect.length - missing.length
  console.log(`${missing.length === 0 ? '✓' : '✗'} ${query.q}  前${String(k)}条：${topK.map((r) => r.title).join(' | ') || '（无结果）'}`)
  if (missing.length) console.log(`    缺少：${missing.join('、')}`)
}
await browser.close()
server.close()
const recall = total ? hits / total : 1
console.log(`\n召回率：${String(hits)}/${String(total)} = ${(recall * 100).toFixed(1)}%`)
process.exit(recall < 1 ? 1 : 0)
