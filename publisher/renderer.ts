/**
 * The renderer: the site's pages compiled by `astro build` (server output, our adapter) into
 * `node_modules/.cache/wenming-renderer/<key>/`, where the key hashes everything the output depends on (site sources, MDX
 * pages, public files, config, lockfile, SITE_URL). Unchanged code means no Astro build at all; a code
 * or template change builds a new renderer, and every page is rendered with it.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { pathToFileURL } from 'node:url'

import { siteOrigin } from '../cms/lib/deployment.ts'
import { rootDir } from '../cms/lib/paths.ts'
import type { Route } from '../site/lib/routes.ts'
import { renderersDir } from './renderers-dir.ts'

const require = createRequire(import.meta.url)
/**
 * What the server bundle is built from. Besides site/, the pages and their scripts import one module
 * (the 文号 rules, which the search page and the related documents share with the CMS): a change to it
 * was not seen, and releases kept the old search script (tests/unit/rendererSources.test.ts keeps this
 * list complete). site/lib/load.ts is the publisher's, not the pages'.
 */
export const RENDERER_SOURCES = ['site', 'public', 'content/pages', 'cms/lib/docNumber.ts', 'publisher/adapter.ts', 'publisher/renderer-entry.ts', 'astro.config.mjs', 'package-lock.json']

/** A hash of every input of the server bundle. */
export const rendererKey = async (): Promise<string> => {
  // SITE_URL as given: Astro's `site` (canonical links, feeds) is built into the bundle.
  const hash = createHash('sha256').update(process.env.SITE_URL ?? '')
  const add = async (rel: string) => {
    const full = path.join(rootDir, rel)
    if (!existsSync(full)) return
    const entries = (await readdir(full, { withFileTypes: true, recursive: true }).catch(() => null)) ?? null
    const files = entries ? entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort() : [full]
    for (const file of files) hash.update(path.relative(rootDir, file)).update(await readFile(file))
  }
  for (const rel of RENDERER_SOURCES) await add(rel)
  return hash.digest('hex').slice(0, 16)
}

/** The server bundle's entry module (renderer-entry.ts) as the publisher loads it. */
export interface ServerBundle {
  render: (request: Request, routes: Map<string, Route>) => Promise<Response>
}

export interface Renderer {
  key: string
  /** The bundle's static files (CSS/JS under _astro/, public/). */
  clientDir: string
  render: (url: string, routes: Map<string, Route>) => Promise<Response>
  /** The server bundle's entry module (render-lanes.ts loads it in its threads), and the site's origin it renders for. */
  entry: string
  origin: string
  /** Peak memory of the Astro build (Linux), when one ran. */
  buildPeakRss: number | null
}

const KEEP_RENDERERS = 6

/** Runs `astro build` into `outDir`; rejects with the output's tail on failure. */
const astroBuild = (outDir: string) =>
  new Promise<number | null>((resolve, reject) => {
    const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs')
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: rootDir,
      env: { ...process.env, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let tail = ''
    const take = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-6000))
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    let peak: number | null = null
    const timer = setInterval(() => {
      readFile(`/proc/${String(child.pid)}/status`, 'utf8')
        .then((status) => {
          const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
          if (kb) peak = Math.max(peak ?? 0, kb * 1024)
        })
        .catch(() => undefined)
    }, 250)
    child.on('close', (code) => {
      clearInterval(timer)
      if (code === 0) resolve(peak)
      else reject(new Error(`Astro 编译页面模板失败（退出码 ${String(code)}）：\n${stripVTControlCharacters(tail)}`))
    })
  })

/** Keeps the most recently built renderers (other checkouts' data directories may use other SITE_URLs). */
const pruneRenderers = async () => {
  const names = (await readdir(renderersDir())).filter((n) => !n.includes('.tmp-'))
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(renderersDir(), n))).mtimeMs })))
  for (const { n } of dated.sort((a, b) => b.t - a.t).slice(KEEP_RENDERERS)) await rm(path.join(renderersDir(), n), { recursive: true, force: true })
}

/** The renderer for the current code, building it first when the code changed. */
export const loadRenderer = async (log: (line: string) => void = () => undefined): Promise<Renderer> => {
  const key = await rendererKey()
  const dir = path.join(renderersDir(), key)
  let buildPeakRss: number | null = null
  if (!existsSync(path.join(dir, 'server', 'entry.mjs'))) {
    log(`▶ 编译页面模板（Astro，代码版本 ${key}）`)
    const tmp = `${dir}.tmp-${String(process.pid)}`
    await rm(tmp, { recursive: true, force: true })
    await mkdir(tmp, { recursive: true })
    buildPeakRss = await astroBuild(tmp)
    // Another process may have finished the same renderer meanwhile: then its copy is used.
    await rename(tmp, dir).catch(async () => rm(tmp, { recursive: true, force: true }))
    await pruneRenderers()
  }
  const entryFile = path.join(dir, 'server', 'entry.mjs')
  const origin = siteOrigin()
  /** Loaded in this thread only when a page is rendered here (a preview). */
  let bundle: Promise<ServerBundle> | undefined
  return {
    key,
    clientDir: path.join(dir, 'client'),
    render: async (url, routes) => (await (bundle ??= import(pathToFileURL(entryFile).href))).render(new Request(new URL(url, origin)), routes),
    entry: entryFile,
    origin,
    buildPeakRss,
  }
}
