/**
 * Search quality, measured through the real search page (the Pagefind index, in headless Chromium).
 *
 *   npm run eval:search [-- file.json]
 *     the seed query set (eval/search-queries.json, a copy of ../shared/eval/search-queries.json) against
 *     the built site (SITE_DIST, else dist); exits non-zero below 100% recall.
 *   npm run eval:search -- --archive
 *     imports the real archive (eval/archive.ts) and the seed content into a throwaway database, builds
 *     the site, and runs the archive's query set (eval/archive-queries.ts) with the seed set: recall@1,
 *     recall@5 and MRR per kind of query, and the bytes each search transfers on a cold page. Exits
 *     non-zero when a target is missed (TARGETS).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { chromium } from '@playwright/test'

import { meter } from '../bench/lib/probe.ts'
import { readArchive } from '../eval/archive.ts'
import { type EvalQuery, archiveQueries } from '../eval/archive-queries.ts'
import { distLink } from '../publisher/release.ts'
import { dataEnv } from './lib/data-env.ts'
import { createSiteServer } from './site-server.ts'

interface QuerySet {
  k?: number
  documents: Record<string, string>
  queries: { q: string; expect: string[]; k?: number }[]
}

/** Targets per kind of query: the least recall@1 and recall@5. */
const TARGETS: Record<string, { r1?: number; r5: number }> = {
  clause: { r1: 0.85, r5: 0.95 },
  report: { r5: 1 },
  'report-state-council': { r5: 1 },
  meeting: { r5: 1 },
  'meeting-short': { r5: 1 },
  seed: { r5: 1 },
  'clause-traditional': { r5: 0.95 },
  'clause-simplified': { r5: 0.95 },
  'report-traditional': { r5: 0.95 },
  'year-chinese': { r5: 0.95 },
  'doc-number-partial': { r5: 0.95 },
}

const root = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const archive = args.includes('--archive')
const setFile = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'eval', 'search-queries.json'))

/** The seed set as evaluation queries: a query's every expected document counts on its own. */
const seedQueries = (): EvalQuery[] => {
  const set = JSON.parse(readFileSync(setFile, 'utf8')) as QuerySet
  return set.queries.flatMap((q) => q.expect.map((doc) => ({ kind: 'seed', q: q.q, expect: [set.documents[doc] ?? doc] })))
}

/** Imports and builds the archive site in a throwaway directory (in its own process: its own database). */
const buildArchiveSite = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wenming-eval-'))
  console.log(`▶ 导入档案并生成网站（临时目录 ${dir}）`)
  const env = { ...process.env, ...dataEnv(dir, { name: 'eval', secret: 'eval-only-secret', seedPassword: 'eval-password-123', siteUrl: 'http://localhost:4321' }) }
  const run = spawnSync(process.execPath, [path.join(root, 'eval', 'build-archive-site.ts')], { cwd: root, env, stdio: 'inherit' })
  if (run.status !== 0) throw new Error('档案网站生成失败')
  return dir
}

const dataDir = archive ? buildArchiveSite() : null
const site = dataDir ? path.join(dataDir, 'dist') : (process.env.SITE_DIST ?? distLink())
if (!existsSync(path.join(site, 'pagefind', 'partitions.json'))) {
  console.error(`没有找到已生成的网站和搜索索引（${site}）。请先运行 npm run build:site。`)
  process.exit(2)
}
const queries = archive ? [...archiveQueries(readArchive()), ...seedQueries()] : seedQueries()

const server = createSiteServer(site)
await new Promise<void>((resolve) => server.listen(0, resolve))
const bytes = meter(server)
const base = `http://localhost:${String((server.address() as AddressInfo).port)}`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})

interface Outcome {
  query: EvalQuery
  /** 1-based rank of the first expected result among those shown first (0: not shown). */
  rank: number
  shown: number
  titles: string[]
  bytes: number
}
const outcomes: Outcome[] = []
console.log(`\n查询：${String(queries.length)} 条（每条在一个新的浏览器上下文中运行，缓存为空）\n`)
for (const query of queries) {
  const context = await browser.newContext()
  const page = await context.newPage()
  bytes.reset()
  await page.goto(`${base}/search/?q=${encodeURIComponent(query.q)}`)
  await page.waitForFunction(() => /共找到|没有找到|无法载入/.test(document.getElementById('search-status')?.textContent ?? ''))
  const top = await page.$$eval('#search-results li h2 a', (links) => links.map((a) => ({ title: a.textContent ?? '', url: a.getAttribute('href') ?? '' })))
  await page.waitForTimeout(100)
  await context.close()
  const patterns = query.expect.map((p) => new RegExp(p))
  const rank = patterns.length ? top.findIndex((r) => patterns.some((p) => p.test(r.title) || p.test(r.url))) + 1 : 0
  const outcome = { query, rank, shown: top.length, titles: top.map((r) => r.title), bytes: bytes.bytes() }
  outcomes.push(outcome)
  const ok = query.expect.length ? rank > 0 : top.length === 0
  // The archive's queries are listed when their document is not first; the seed set's all.
  const mark = !ok ? '✗' : rank > 1 ? `第${String(rank)}` : '✓'
  if (!archive || mark !== '✓') console.log(`${mark} [${query.kind}] ${query.q}  前5条：${outcome.titles.join(' | ') || '（无结果）'}`)
}
await browser.close()
server.close()
if (dataDir && !process.env.KEEP_EVAL_DATA) rmSync(dataDir, { recursive: true, force: true })

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
let missed = false
console.log('\n| 类别 | 查询数 | recall@1 | recall@5 | MRR | 首次搜索传输（中位 / 最大） |\n|---|---|---|---|---|---|')
for (const kind of [...new Set(outcomes.map((o) => o.query.kind))]) {
  const of = outcomes.filter((o) => o.query.kind === kind)
  const b = of.map((o) => o.bytes)
  const transfer = `${kb(median(b))} / ${kb(Math.max(...b))}`
  if (kind === 'none') {
    console.log(`| ${kind}（应无结果） | ${String(of.length)} | — | 无结果 ${pct(of.filter((o) => o.shown === 0).length / of.length)} | — | ${transfer} |`)
    continue
  }
  const r1 = of.filter((o) => o.rank === 1).length / of.length
  const r5 = of.filter((o) => o.rank > 0).length / of.length
  const mrr = of.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / of.length
  const target = TARGETS[kind]
  const short = target && (r5 < target.r5 || (target.r1 !== undefined && r1 < target.r1))
  missed ||= Boolean(short)
  console.log(`| ${kind}${short ? '（未达标）' : ''} | ${String(of.length)} | ${pct(r1)} | ${pct(r5)} | ${mrr.toFixed(3)} | ${transfer} |`)
}
console.log(`\n召回率（前5条）：${pct(outcomes.filter((o) => o.query.expect.length && o.rank > 0).length / outcomes.filter((o) => o.query.expect.length).length)}`)
process.exit(missed ? 1 : 0)
