/**
 * Release builds of the public site. Each build goes into `.data/releases/<id>/`; `dist` is a symlink to
 * the live release, replaced by an atomic rename once a build is complete (pages, search index,
 * precompressed files). State (idle / building / failed, last good build, error tail) is kept in
 * `.data/site-build.json` for the CMS dashboard.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { lstat, mkdir, open, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import { dataDir, rootDir } from '../../cms/lib/paths.ts'
import { indexSite } from './search-index.ts'
import { lockFile, writeBuildState } from './state.ts'
import { precompress } from './precompress.ts'

const require = createRequire(import.meta.url)

export const releasesDir = () => path.join(dataDir, 'releases')
export const distLink = () => process.env.SITE_DIST ?? path.join(rootDir, 'dist')
/** Takes the build lock, or says who holds it. A lock left by a dead process is taken over. */
const acquireLock = async (): Promise<(() => Promise<void>) | string> => {
  await mkdir(dataDir, { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile(), 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(lockFile(), { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(lockFile(), 'utf8').catch(() => '0'))
      let alive: boolean
      try {
        if (holder > 0) process.kill(holder, 0)
        alive = holder > 0
      } catch {
        alive = false
      }
      if (alive) return `另一个网站生成任务（进程 ${String(holder)}）正在进行`
      await rm(lockFile(), { force: true })
    }
  }
  return '无法获得网站生成锁'
}

/** Runs `astro build` into `outDir` in a child process; resolves with its exit code and output tail. */
const astroBuild = (outDir: string, log: (line: string) => void) =>
  new Promise<{ code: number; tail: string; peakRss: number | null }>((resolve) => {
    const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs')
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: rootDir,
      env: { ...process.env, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=4096' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue
        lines.push(line)
        if (lines.length > 400) lines.shift()
        if (/error|Error|✓ Completed|Complete!|Synced content/.test(line)) log(`  ${line.trim()}`)
      }
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    // Peak memory, from the kernel's high-water mark of the child (Linux only).
    let peakRss: number | null = null
    const sample = () => {
      readFile(`/proc/${String(child.pid)}/status`, 'utf8')
        .then((status) => {
          const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
          if (kb) peakRss = Math.max(peakRss ?? 0, kb * 1024)
        })
        .catch(() => undefined)
    }
    const timer = setInterval(sample, 250)
    child.on('close', (code) => {
      clearInterval(timer)
      resolve({ code: code ?? 1, tail: lines.slice(-40).join('\n'), peakRss })
    })
  })

const countPages = async (dir: string): Promise<number> => {
  let n = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++
  return n
}

/** Points `dist` at `release` with a single rename (readers see the old or the new release, never neither). */
export const switchTo = async (release: string) => {
  const link = distLink()
  const tmp = `${link}.switch-${process.pid}`
  await rm(tmp, { force: true })
  await symlink(release, tmp, 'dir')
  const existing = await lstat(link).catch(() => null)
  if (existing && !existing.isSymbolicLink()) {
    // A plain directory left by a bare `astro build`: move it out of the way first.
    await rm(`${link}.old`, { recursive: true, force: true })
    await rename(link, `${link}.old`)
    await rename(tmp, link)
    await rm(`${link}.old`, { recursive: true, force: true })
  } else {
    await rename(tmp, link)
  }
  await writeBuildState({ current: path.basename(release) })
}

/** Completed releases, newest first. */
export const listReleases = async (): Promise<string[]> => {
  const dir = releasesDir()
  if (!existsSync(dir)) return []
  const names = (await readdir(dir)).filter((n) => existsSync(path.join(dir, n, '.release.json')))
  return names.sort().reverse()
}

export const liveRelease = async (): Promise<string | null> => {
  const target = await readlink(distLink()).catch(() => null)
  return target ? path.basename(target) : null
}

const prune = async (keep: number) => {
  const dir = releasesDir()
  const live = await liveRelease()
  const complete = await listReleases()
  const doomed = complete.slice(keep).filter((n) => n !== live)
  // Incomplete directories (a crashed build) are removed too.
  for (const name of await readdir(dir)) {
    if (!complete.includes(name) && name !== live) doomed.push(name)
  }
  for (const name of doomed) await rm(path.join(dir, name), { recursive: true, force: true })
}

export interface BuildTimings {
  astroMs: number
  indexMs: number
  compressMs: number
  /** Peak resident memory of the Astro build process (Linux), in bytes. */
  astroPeakRss: number | null
  indexBytes: number
}
export type BuildResult = { ok: true; release: string; pages: number; ms: number; dir: string; timings: BuildTimings } | { ok: false; error: string }

export const buildRelease = async ({ keep = 5, log = () => undefined }: { keep?: number; log?: (line: string) => void } = {}): Promise<BuildResult> => {
  const release = await acquireLock()
  if (typeof release === 'string') return { ok: false, error: release }
  const started = performance.now()
  const id = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '') + '-' + String(process.pid)
  const outDir = path.join(releasesDir(), id)
  await writeBuildState({ status: 'building', startedAt: new Date().toISOString() })
  const fail = async (error: string): Promise<BuildResult> => {
    await rm(outDir, { recursive: true, force: true })
    await writeBuildState({ status: 'failed', error: error.slice(-4000), failedAt: new Date().toISOString() })
    await release()
    return { ok: false, error }
  }
  try {
    await mkdir(outDir, { recursive: true })
    log(`▶ 生成页面（Astro）→ ${path.relative(rootDir, outDir)}`)
    const t0 = performance.now()
    const built = await astroBuild(outDir, log)
    const astroMs = Math.round(performance.now() - t0)
    if (built.code !== 0) return await fail(`Astro 构建失败（退出码 ${String(built.code)}）：\n${built.tail}`)
    if (!existsSync(path.join(outDir, 'index.html'))) return await fail('Astro 构建没有生成首页 index.html')
    log('▶ 建立全文搜索索引（Pagefind）')
    const t1 = performance.now()
    const index = await indexSite(outDir)
    const indexMs = Math.round(performance.now() - t1)
    log(`  已索引 ${String(index.pages)} 个页面（${String(index.synonymPages)} 个页面加入同义词），索引 ${(index.bytes / 1024).toFixed(0)} KB`)
    log('▶ 预压缩（gzip / brotli）')
    const t2 = performance.now()
    const compressed = await precompress(outDir)
    const compressMs = Math.round(performance.now() - t2)
    log(`  已压缩 ${String(compressed)} 个文件`)
    const pages = await countPages(outDir)
    const ms = Math.round(performance.now() - started)
    await writeFile(path.join(outDir, '.release.json'), JSON.stringify({ id, pages, ms, builtAt: new Date().toISOString() }))
    await switchTo(outDir)
    await writeBuildState({ status: 'idle', error: null, lastGoodAt: new Date().toISOString(), lastGoodMs: ms })
    await prune(keep)
    await release()
    return { ok: true, release: id, pages, ms, dir: outDir, timings: { astroMs, indexMs, compressMs, astroPeakRss: built.peakRss, indexBytes: index.bytes } }
  } catch (error) {
    return await fail(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error))
  }
}

/** Switches `dist` back to the release before the live one. */
export const rollback = async (): Promise<string> => {
  const releases = await listReleases()
  const live = await liveRelease()
  const index = live ? releases.indexOf(live) : -1
  const previous = releases[index + 1]
  if (!previous) throw new Error('没有可以回退的上一个版本')
  await switchTo(path.join(releasesDir(), previous))
  return previous
}


