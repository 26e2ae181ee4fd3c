/**
 * `npm run bench -- --docs N`: how the system's cost grows with its content. Generates N documents into
 * a throwaway database (bench/tmp/), then measures and prints, with progress:
 *   import time; site build (Astro) and index (Pagefind) time, pages/s, peak memory, output and index size;
 *   first-search bytes and time on a cold page (headless Chromium); transferred size of three pages;
 *   CMS REST latency and throughput under 50 concurrent connections (autocannon); for five changes of each
 *   kind, publish-to-live and takedown-to-gone (page and search) over the running CMS and its publisher.
 *   Each change is also timed on one public target of each kind (ssh, s3, folder), then three rollbacks.
 * Writes bench/results/<date>-<N>.json and .md (`-<parts>` after N for a partial run, and the time after an
 * earlier run's name). Never fails on a timing.
 *
 * `--data <dir>` measures a data directory an earlier `--import-only` (or `--keep`) run left instead of
 * importing again (it is kept); `--only changes` (or `search`, `cms`, several with commas) takes only those
 * figures, on the release already built.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { ChangeTiming } from './lib/changes.ts'
import { benchEnv, niceChromium } from './lib/env.ts'
import { median } from './lib/stats.ts'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const N = Number(arg('docs', '1000'))
const keep = args.includes('--keep')
// --import-only: stop after generating the data (kept), to profile builds against it.
const stopAfterImport = args.includes('--import-only')
const reuse = arg('data', '')
// --only search,cms,changes (any of them): the figures to take; on kept data the release already built is
// reused then (its build figures are not a clean build's).
const only = arg('only', '')
const parts = new Set(only ? only.split(',') : ['search', 'cms', 'changes'])
const root = path.resolve(import.meta.dirname, '..')
const stamp = new Date().toISOString().slice(0, 10)
const dir = reuse ? path.resolve(reuse) : path.join(root, 'bench', 'tmp', `${String(N)}-${String(Date.now())}`)
mkdirSync(dir, { recursive: true })
const cmsPort = Number(arg('cms-port', '3491'))
Object.assign(process.env, benchEnv(dir))
// The bench's S3 target's credentials, in the environment the CMS inherits (never in the database).
process.env.WENMING_BENCH_S3_KEY = 'S3RVER'
process.env.WENMING_BENCH_S3_SECRET = 'S3RVER'

const say = (line: string) => console.log(line)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const dirSize = (d: string, filter: (name: string) => boolean = () => true): number =>
  readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && filter(e.name))
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0)

const { getCms } = await import('../cms/lib/getCms.ts')
const { seed } = await import('../cms/seed/index.ts')
const { generate } = await import('./generate.ts')
const { measureChanges } = await import('./lib/changes.ts')
const { publish } = await import('../publisher/release.ts')
const { trashDir } = await import('../publisher/trash.ts')
const { startSiteProcess } = await import('./lib/site-process.ts')
const { adminBuildStale, buildAdmin, cmsServerArgs } = await import('../scripts/lib/admin-build.ts')
const { pageFigures } = await import('./lib/pageFigures.ts')
const { restLoad } = await import('./lib/restLoad.ts')
const { adminLoad } = await import('./lib/adminLoad.ts')
const { peakMemory, processMemory } = await import('./lib/memory.ts')
const { chromium } = await import('@playwright/test')

const results: Record<string, unknown> = {
  docs: N,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memory: mb(os.totalmem()), node: process.version, platform: `${os.type()} ${os.release()}` },
  database: 'SQLite (embedded, WAL)',
}

// 1. Import (or the data an earlier run imported, without the public targets it added)
const payload = await getCms()
let generated: { ms: number } | null = null
if (reuse) {
  say(`▶ 沿用已导入的数据 ${path.relative(root, dir)}`)
  await payload.delete({ collection: 'publish-targets' as never, where: { id: { exists: true } }, overrideAccess: true })
  rmSync(path.join(dir, 'targets'), { recursive: true, force: true })
} else {
  say(`▶ 生成 ${String(N)} 篇文档到临时数据库 ${path.relative(root, dir)}`)
  await seed(payload, { password: 'bench-password-123' })
  const g = await generate(payload, N, (done, total) => process.stdout.write(`\r  ${String(done)}/${String(total)}`))
  generated = g
  process.stdout.write('\n')
  results.import = { ms: g.ms, docsPerSecond: Math.round((N / g.ms) * 1000), counts: g.counts }
  say(`  导入用时 ${(g.ms / 1000).toFixed(1)} 秒（${String(Math.round((N / g.ms) * 1000))} 篇/秒）：${JSON.stringify(g.counts)}`)
}

if (stopAfterImport) {
  console.log(`数据保留在 ${dir}`)
  process.exit(0)
}

// 2. Build
say('▶ 生成网站（Astro + Pagefind + 预压缩）')
const memory = peakMemory()
const published = await publish({ mode: 'full', clean: !(only && reuse), log: (line) => say(line) })
const buildPeakMemory = memory.stop()
if (!published.ok) {
  console.error(`网站生成失败：${published.error}`)
  process.exit(1)
}
// The same build again with nothing changed: what a compaction or a restart costs when nothing is new.
const unchanged = await publish({ mode: 'full', log: () => undefined })
if (!unchanged.ok) {
  console.error(`网站生成失败（未改动时重建）：${unchanged.error}`)
  process.exit(1)
}
const t = published.manifest.timings
const build = {
  pages: published.manifest.pages,
  ms: published.manifest.ms,
  dir: path.join(published.dir, 'site'),
  timings: { astroMs: (t.rendererMs ?? 0) + (t.renderMs ?? 0), indexMs: t.indexMs ?? 0, compressMs: 0, astroPeakRss: t.astroPeakRss || null, indexBytes: dirSize(path.join(published.dir, 'site', 'pagefind')) },
}
const outputBytes = dirSize(build.dir, (n) => !n.endsWith('.gz') && !n.endsWith('.br'))
results.build = {
  pages: build.pages,
  totalMs: build.ms,
  astroMs: build.timings.astroMs,
  indexMs: build.timings.indexMs,
  compressMs: build.timings.compressMs,
  pagesPerSecond: Math.round((build.pages / build.timings.astroMs) * 1000),
  astroPeakRss: build.timings.astroPeakRss,
  peakMemory: buildPeakMemory,
  unchangedMs: unchanged.manifest.ms,
  outputBytes,
  indexBytes: build.timings.indexBytes,
}
say(
  `  ${String(build.pages)} 个页面；Astro ${(build.timings.astroMs / 1000).toFixed(1)} 秒（${String(Math.round((build.pages / build.timings.astroMs) * 1000))} 页/秒），索引收尾 ${(build.timings.indexMs / 1000).toFixed(1)} 秒，合计 ${(build.ms / 1000).toFixed(1)} 秒；峰值内存 ${buildPeakMemory ? mb(buildPeakMemory) : '—'}（含 Pagefind 与 Astro 子进程）；未改动时重建 ${(unchanged.manifest.ms / 1000).toFixed(1)} 秒；输出 ${mb(outputBytes)}，索引 ${mb(build.timings.indexBytes)}`,
)

// 3. Browser figures (the local site server, a process of its own, also serves the change measurements below)
// The builds moved the earlier releases (hundreds of thousands of files at 100,000 documents) into the
// trash, which a low-priority process empties for a minute or more beside the searches: a reader's search
// is timed once the machine has done that, as the changes are timed once the targets have cleared up.
const trash = trashDir()
const trashWait = performance.now()
while (existsSync(trash) && readdirSync(trash).length > 0 && performance.now() - trashWait < 600_000) await new Promise((r) => setTimeout(r, 1000))
say(`  等待旧版本清理完毕：${((performance.now() - trashWait) / 1000).toFixed(0)} 秒`)
const site = await startSiteProcess(path.join(dir, 'dist'))
const siteBase = site.base
const { searches, pages } = parts.has('search') ? await pageFigures(siteBase, site.meter, say) : { searches: [], pages: [] }
results.search = searches
results.pageWeight = pages

// 4. CMS REST API under load
say('▶ 启动内容管理系统')
// The admin as npm start would run it: built again when its sources changed.
if (adminBuildStale() && buildAdmin(process.env) !== 0) throw new Error('构建内容管理后台失败')
// The CMS's output (its job runner and publisher included) goes to a log beside the data, kept when a change times out.
const cmsLog = openSync(path.join(dir, 'cms.log'), 'a')
// Another process on the port would answer in the CMS's place (a stray CMS of an earlier run, say).
if (await fetch(`http://localhost:${String(cmsPort)}/`).then(() => true, () => false)) throw new Error(`端口 ${String(cmsPort)} 已被占用：请结束占用它的进程，或用 --cms-port 换一个端口`)
const cms = spawn(process.execPath, cmsServerArgs(cmsPort), { cwd: root, env: { ...process.env, WENMING_JOBS: '1' }, stdio: ['ignore', cmsLog, cmsLog] })
// What this run started stops with it, also when it fails: the CMS, and every server whose command line
// names the data directory (the targets' sshd, nginx, S3 server and receiver).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))
process.on('exit', () => {
  cms.kill('SIGTERM')
  const pids = spawnSync('pgrep', ['-f', dir], { encoding: 'utf8' }).stdout.split('\n').map(Number)
  for (const pid of pids.filter((p) => p && p !== process.pid && p !== process.ppid)) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // Gone already.
    }
  }
})
const cmsBase = `http://localhost:${String(cmsPort)}`
for (let i = 0; i < 120; i++) {
  try {
    if ((await fetch(`${cmsBase}/api/news?limit=1`)).ok) break
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 500))
}
const newsId = ((await (await fetch(`${cmsBase}/api/news?limit=1&sort=-date&depth=0`)).json()) as { docs: { id: number }[] }).docs[0]?.id
const login = async (role: string) =>
  ((await (await fetch(`${cmsBase}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${role}@example.com`, password: 'bench-password-123' }) })).json()) as { token: string }).token
const editorToken = await login('editor')
const admin = parts.has('cms') ? await adminLoad(cmsBase, editorToken, say) : []
results.admin = admin
const rest = parts.has('cms') ? await restLoad(cmsBase, newsId, editorToken, say) : []
results.rest = rest

// 5. Publish-to-live and takedown-to-gone: five changes of each kind, one after another
say('▶ 发布到上线、撤下到消失（各 5 次，页面与搜索都要一致）')
// The search is timed in a browser that stands for a reader's machine; here it shares the two cores with
// the servers it measures, so it runs at low priority (nice) and takes only what they leave.
const changeBrowser = await chromium.launch({ executablePath: niceChromium(dir), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
const secs = (ms: number | null) => (ms === null ? '超时' : `${(ms / 1000).toFixed(1)} 秒`)
const kindName = { publish: '发布', unpublish: '撤回', delete: '删除', rollback: '回退' }
const adminToken = await login('admin')
const tokens = { editor: editorToken, admin: adminToken }
const sayChange = (r: ChangeTiming, note = '') =>
  say(`  ${note}${kindName[r.kind]}：页面 ${secs(r.pageMs)}，${r.targetMs ? Object.entries(r.targetMs).map(([k, ms]) => `${k} ${secs(ms)}`).join('，') : `搜索一致 ${secs(r.searchMs)}（服务器给出 ${secs(r.searchServedMs ?? null)}）`}${typeof r.rendered === 'number' ? `（重新生成 ${String(r.rendered)} 个页面）` : ''}`)
// The publisher readies itself for its first publish when the CMS starts it (the live release and the
// snapshot read, the next release's directory made): changes are timed once that is done, as on any day
// after the CMS's start (the first right after it took 7 s, where the rest took 1.5-2.5).
// Readying takes longer with the archive (reading its snapshot and manifest: ~50 s at 100,000 documents).
if (parts.has('changes')) await new Promise((r) => setTimeout(r, Math.max(20_000, Math.round((N / 100_000) * 60_000))))
const changes = !parts.has('changes') ? [] : await measureChanges({ cms: cmsBase, site: siteBase, tokens, browser: changeBrowser, rollbacks: 3, buildState: path.join(dir, 'site-build.json') }, 5, (r) => sayChange(r))
await changeBrowser.close()
// The publisher process keeps the live release's manifest and snapshot (and a few before) in memory.
const publisherMemory = processMemory(cms.pid!, 'publisher/worker.ts')
results.publisherMemory = publisherMemory
if (publisherMemory) say(`  发布进程内存：当前 ${mb(publisherMemory.rss)}，峰值 ${mb(publisherMemory.peak)}`)

const summarise = (rows: ChangeTiming[], key: 'pageMs' | 'searchMs' | 'searchServedMs') => {
  const values = rows.map((r) => r[key] ?? Infinity).sort((a, b) => a - b)
  return { median: values[Math.floor(values.length / 2)] ?? null, worst: values.at(-1) ?? null }
}
const ofKind = (rows: ChangeTiming[]) => ({
  publishes: rows.filter((c) => c.kind === 'publish'),
  takedowns: rows.filter((c) => c.kind === 'unpublish' || c.kind === 'delete'),
  rollbacks: rows.filter((c) => c.kind === 'rollback'),
})
const figure = (x: { median: number | null; worst: number | null }) => `中位 ${secs(x.median === Infinity ? null : x.median)}，最差 ${secs(x.worst === Infinity ? null : x.worst)}`
const byTarget = (rows: ChangeTiming[], kind: string) => {
  const values = rows.map((r) => r.targetMs?.[kind] ?? Infinity).sort((a, b) => a - b)
  return { median: values[Math.floor(values.length / 2)] ?? null, worst: values.at(-1) ?? null }
}
/**
 * One public target of each kind (real sshd + nginx, s3rver, a ferry folder with the receiver and nginx),
 * given the whole site first; then changes are timed until they show on each. Returns the report's rows.
 */
const timeTargets = async (): Promise<string[]> => {
  // In rounds of their own, without the browser: it stands for readers' machines, which in deployment share no cores with the CMS
  // and the servers it pushes to (searching in the same rounds, it took a third of the two cores while the
  // pushes it timed ran).
  say('▶ 发布目标：SSH 网站服务器、对象存储、摆渡目录（首次推送整站；各 5 次发布、撤下，3 次回退，不另开浏览器搜索）')
  const { startBenchTargets, TARGET_KINDS } = await import('./lib/targets.ts')
  const benchTargets = await startBenchTargets(path.join(dir, 'targets'), root, cmsBase, adminToken)
  const firstPush = Date.now()
  for (;;) {
    const { targets } = await benchTargets.status()
    // Delivered is not yet served (the receiver applies the ferry's bundle after it arrives): the first push
    // ends when every target's web server answers with the local home page.
    if (targets.length === 3 && targets.every((t) => t.behind === 0 && !t.lastError) && (await benchTargets.serve(siteBase))) break
    if (Date.now() - firstPush > 600_000) throw new Error(`发布目标首次推送超时：${JSON.stringify(targets)}`)
    await new Promise((r) => setTimeout(r, 1000))
  }
  const initial = (await benchTargets.status()).targets
  results.targetsFirstPush = { ms: Date.now() - firstPush, bytes: Object.fromEntries(initial.map((t) => [t.kind, t.lastBytes])) }
  say(`  整站推送：${secs(Date.now() - firstPush)}（${initial.map((t) => `${t.kind} ${mb(t.lastBytes ?? 0)}`).join('，')}）`)
  // The servers clear up after a whole site's push (working copies, the next release's directory) for a
  // while after it is served; the changes are timed once that is done, as on any day after the first.
  await new Promise((r) => setTimeout(r, 30_000))
  const stack = { cms: cmsBase, site: siteBase, tokens, targets: { kinds: TARGET_KINDS, url: (k: string, p: string) => benchTargets.url(k as never, p) } }
  // The first releases after a whole site's push find no older release on a target to recycle into the next
  // one's directory (each keeps six), so they link every file; they are timed and reported apart, and the
  // timed changes below are those of a target in daily use.
  const firstChanges = await measureChanges({ ...stack, rollbacks: 0 }, 3, (r) => sayChange(r, '（整站推送后）'))
  const pushedBytes: Record<string, number[]> = { ssh: [], s3: [], folder: [] }
  const pushMs: Record<string, number[]> = { ssh: [], s3: [], folder: [] }
  const bytesRead: Promise<void>[] = []
  const targetChanges = await measureChanges({ ...stack, rollbacks: 3 }, 5, (r) => {
    sayChange(r)
    // The bytes each target's push of this change sent (read while the next change is made).
    if (r.kind !== 'rollback') {
      bytesRead.push(
        benchTargets.status().then(({ targets }) =>
          targets.forEach((t) => {
            if (t.lastBytes !== null) pushedBytes[t.kind]!.push(t.lastBytes)
            if (t.lastPushMs !== null) pushMs[t.kind]!.push(t.lastPushMs)
          }),
        ),
      )
    }
  })
  await Promise.all(bytesRead)
  const onTargets = ofKind(targetChanges)
  results.targets = Object.fromEntries(TARGET_KINDS.map((k) => [k, { publishToLive: byTarget(onTargets.publishes, k), takedownToGone: byTarget(onTargets.takedowns, k), rollback: byTarget(onTargets.rollbacks, k), lastPushBytes: pushedBytes[k], pushMs: pushMs[k] }]))
  results.targetChanges = targetChanges
  results.targetsFirstChanges = { each: firstChanges, byTarget: Object.fromEntries(TARGET_KINDS.map((k) => [k, byTarget(firstChanges, k)])) }
  await benchTargets.stop()
  return [
    ...TARGET_KINDS.flatMap((k) => [
      `| 发布到上线（发布目标 ${k}，5 次） | ${figure(byTarget(onTargets.publishes, k))} |`,
      `| 撤下到消失（发布目标 ${k}） | ${figure(byTarget(onTargets.takedowns, k))} |`,
      `| 回退到上一版本（发布目标 ${k}，3 次） | ${figure(byTarget(onTargets.rollbacks, k))} |`,
    ]),
    `| 整站推送后的前 6 次改动（发布、撤下各 3 次；目标上还没有可回收的旧版本） | ${TARGET_KINDS.map((k) => `${k} ${figure(byTarget(firstChanges, k))}`).join('；')} |`,
    `| 发布目标首次整站推送 | ${secs((results.targetsFirstPush as { ms: number }).ms)}（${initial.map((t) => `${t.kind} ${mb(t.lastBytes ?? 0)}`).join('，')}） |`,
    `| 每次发布推送的字节数（中位，10 次改动） | ${TARGET_KINDS.map((k) => `${k} ${kb(median(pushedBytes[k] ?? []))}`).join('，')} |`,
    `| 其中在目标上的推送用时（暂存、校验、切换；中位） | ${TARGET_KINDS.map((k) => `${k} ${secs(median(pushMs[k] ?? []))}`).join('，')} |`,
  ]
}
// Up to 10,000 documents by default (`--targets` / `--no-targets` to choose): a city's archive is a whole
// push of several GB to each of three servers on this one machine's disk, and publishing to the targets
// does not depend on the archive's size (the bench at 10,000 shows it).
const withTargets = parts.has('changes') && (args.includes('--targets') || (!args.includes('--no-targets') && N <= 10_000))
const targetRows = withTargets ? await timeTargets() : []
if (!withTargets) say('▶ 发布目标：未测（超过 10,000 篇时默认不测；加 --targets 可测）')
const { publishes, takedowns, rollbacks } = ofKind(changes)
results.changes = {
  each: changes,
  publishToLive: { page: summarise(publishes, 'pageMs'), search: summarise(publishes, 'searchMs'), searchServed: summarise(publishes, 'searchServedMs') },
  takedownToGone: { page: summarise(takedowns, 'pageMs'), search: summarise(takedowns, 'searchMs'), searchServed: summarise(takedowns, 'searchServedMs') },
  rollback: { page: summarise(rollbacks, 'pageMs'), search: summarise(rollbacks, 'searchMs'), searchServed: summarise(rollbacks, 'searchServedMs') },
}
const changeRows = [
  ...targetRows,
  `| 发布到上线（页面，5 次） | ${figure(summarise(publishes, 'pageMs'))} |`,
  `| 发布到上线（搜索一致：服务器给出新的搜索索引，5 次） | ${figure(summarise(publishes, 'searchServedMs'))} |`,
  `| 发布到上线（搜索一致：读者冷页面显示结果，5 次） | ${figure(summarise(publishes, 'searchMs'))} |`,
  `| 撤下到消失（页面，撤回 3 次 + 删除 2 次） | ${figure(summarise(takedowns, 'pageMs'))} |`,
  `| 撤下到消失（搜索一致：服务器给出新的搜索索引） | ${figure(summarise(takedowns, 'searchServedMs'))} |`,
  `| 撤下到消失（搜索一致：读者冷页面显示结果） | ${figure(summarise(takedowns, 'searchMs'))} |`,
  `| 回退到上一版本（页面，3 次） | ${figure(summarise(rollbacks, 'pageMs'))} |`,
  `| 发布进程内存（常驻，保存最近版本的清单与内容快照） | ${publisherMemory ? `当前 ${mb(publisherMemory.rss)}，峰值 ${mb(publisherMemory.peak)}` : '—'} |`,
  `| 每次发布、撤下重新生成的页面（含列表页，10 次） | ${changes.filter((c) => c.kind !== 'rollback').map((c) => String(c.rendered ?? '—')).join('、')} |`,
]
for (const row of changeRows) say(`  ${row}`)
cms.kill('SIGTERM')
site.close()
const timedOut = changes.some((c) => c.pageMs === null || c.searchMs === null)
if (timedOut) say(`  有改动超时未上线；内容管理系统的日志：${path.relative(root, path.join(dir, 'cms.log'))}（数据保留）`)

// 6. Report
const outDir = path.join(root, 'bench', 'results')
mkdirSync(outDir, { recursive: true })
// A partial run (--only) is named by its parts, and no run writes over an earlier one's file (the day's
// whole bench was overwritten by the changes-only runs after it).
const named = path.join(outDir, `${stamp}-${String(N)}${only ? `-${[...parts].join('-')}` : ''}`)
const base = existsSync(`${named}.md`) ? `${named}-${new Date().toISOString().slice(11, 16).replace(':', '')}` : named
writeFileSync(`${base}.json`, JSON.stringify(results, null, 2))
const b = results.build as Record<string, number>
const md = [
  `## ${String(N)} 篇文档（${stamp}，${String(os.cpus().length)} 核，${mb(os.totalmem())}，${process.version}，SQLite）`,
  '',
  '| 指标 | 数值 |',
  '|---|---|',
  generated ? `| 导入 | ${(generated.ms / 1000).toFixed(1)} 秒（${String(Math.round((N / generated.ms) * 1000))} 篇/秒） |` : '| 导入 | （沿用已导入的数据） |',
  `| 页面数 | ${String(b.pages)} |`,
  `| 生成页面（其间已在索引较早的年份） | ${(b.astroMs! / 1000).toFixed(1)} 秒（${String(b.pagesPerSecond)} 页/秒） |`,
  `| 页面生成完后的索引收尾 | ${(b.indexMs! / 1000).toFixed(1)} 秒，索引 ${mb(b.indexBytes!)} |`,
  `| 构建+索引+压缩合计（全新） | ${(b.totalMs! / 1000).toFixed(1)} 秒，峰值内存 ${b.peakMemory ? mb(b.peakMemory) : '—'}（含子进程） |`,
  `| 构建+索引+压缩合计（未改动） | ${(b.unchangedMs! / 1000).toFixed(1)} 秒 |`,
  `| 输出大小 | ${mb(b.outputBytes!)}（不含预压缩副本） |`,
  ...searches.map((s) => `| 首次搜索“${s.q}”（手机冷页面，3 次；首批结果中位：打开页面起 / 搜索脚本起，最慢） | ${kb(s.bytes)}，${String(s.ms)} / ${String(s.searchMs ?? '—')} ms，最慢 ${String(s.slowestSearchMs ?? '—')} ms${s.countsBytes === undefined ? '' : `；宽屏筛选计数另加 ${kb(s.countsBytes)}`} |`),
  ...pages.map((p) => `| 页面 ${p.path}（gzip） | ${kb(p.gzipBytes)} |`),
  ...admin.map((a) => `| 管理后台 ${a.name}（服务器用时，5 次） | 中位 ${String(a.median)} ms，最差 ${String(a.worst)} ms |`),
  ...rest.map((r) => `| REST ${r.name}（50 并发） | p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms，${String(r.rps)} 次/秒 |`),
  ...changeRows,
  '',
].join('\n')
writeFileSync(`${base}.md`, md)
say(`\n${md}`)
say(`结果已写入 ${path.relative(root, base)}.json / .md`)
if (!keep && !reuse && !timedOut) rmSync(dir, { recursive: true, force: true })
process.exit(0)
