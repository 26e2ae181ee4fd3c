/**
 * Releases of the public site. Each release is a directory `.data/releases/<id>/` holding the site
 * (`site/`, what is served), its manifest (`release.json`: every file with its SHA-256, the files added,
 * changed and removed against the release before, the props hash of every URL, the search partitions)
 * `dist` is a symlink to the live release's `site/`, replaced by one rename once the release is complete.
 * The content the releases are rendered from is read from the database into a snapshot (snapshot.ts),
 * kept in memory and saved as `.data/snapshot.ndjson` (snapshot-file.ts) for a publisher that starts afresh.
 *
 * One mechanism makes every release: refresh the snapshot from the database (only what changed is read),
 * compute the route table, render the URLs whose props changed (or every URL when the page templates
 * changed), hard-link every other file from the live release, precompress what is new, update the search
 * index, write the manifest, switch. A fast publish updates the search index's delta partition; a full
 * build (`mode: 'full'`) rebuilds the partitions, reusing those whose pages did not change.
 */
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { dataDir, mediaDir } from '../cms/lib/paths.ts'
import { byCodeUnits } from '../site/lib/order.ts'
import { type Route, routeTable } from '../site/lib/routes.ts'
import { groupSearchFile, inSearchFolder, keepSearchFolders, linkFiles, pool, removeWithEmptyFolders, searchFolders as searchFoldersOf } from './files.ts'
import { fileFor } from './page-file.ts'
import { routeHashes as hashRoutes } from './route-hash.ts'
import { withPublishLock } from './lock.ts'
import { manifestBytes, writePieces } from './manifest-bytes.ts'
import { type CompressOptions, hashWithCopies, keepBestCopies } from './precompress.ts'
import { renderLanes } from './render-lanes.ts'
import { loadRenderer } from './renderer.ts'
import { indexGroups } from './search-index.ts'
import { moveUnusedPartitions } from './search-store.ts'
import { openSearchUpdate, type SearchState } from './search-update.ts'
import { mediaUsed, refreshSnapshot, siteData, type Snapshot } from './snapshot.ts'
import { readSnapshot, writeSnapshot } from './snapshot-file.ts'
import { listReleases, liveRelease, MANIFEST, releasesDir, SITE, switchTo } from './releases.ts'
import { hasNext, prepareNext, setAsideForRecycling, takeNext } from './staging.ts'
import { writeBuildState } from './state.ts'
import { emptyTrash, toTrash } from './trash.ts'

export { distLink, listReleases, liveRelease, releasesDir, rollback, switchTo } from './releases.ts'

/**
 * The snapshot last saved: the database as the publisher last read it, whichever release it went into. A
 * publish refreshes it with what changed since it was read (snapshot.ts), so an older one, or one newer
 * than the live release (after a rollback), only means reading a few more documents.
 */
const snapshotFile = () => path.join(dataDir, 'snapshot.ndjson')

export interface Failure {
  url?: string
  message: string
}
export interface Manifest {
  id: string
  mode: 'full' | 'fast'
  previous: string | null
  builtAt: string
  ms: number
  renderer: string
  pages: number
  /** Every file of the site, path → SHA-256. */
  files: Record<string, string>
  /** Against the previous release: a release can be shipped as this delta and verified on arrival. */
  diff: { added: string[]; changed: string[]; removed: string[] }
  /** URL → hash of its page's props: the page is re-rendered when this changes (an object in release.json). */
  routes: Map<string, string>
  /** Media file → size and modification time of its source, to copy only what changed. */
  media: Record<string, string>
  search: SearchState
  failures: Failure[]
  timings: Record<string, number>
}

/** A file and its precompressed copies. */
const copiesOf = (rel: string) => [rel, `${rel}.gz`, `${rel}.br`]
/** A page's file and its copies, made once per URL: every publish links each unchanged page's (107,000 at 100,000 documents). */
const pageCopies = new Map<string, string[]>()
const copiesOfPage = (url: string) => pageCopies.get(url) ?? pageCopies.set(url, copiesOf(fileFor(url))).get(url)!

const readJson = async <T>(file: string): Promise<T | null> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch {
    return null
  }
}

/**
 * The releases this process wrote last (or read), kept in memory: a long-lived publisher (publisher/worker.ts)
 * starts the next release from the live one's instead of parsing its manifest and snapshot (tens of MB at
 * 10,000 documents) again, after a rollback of a release or two too. Consecutive snapshots share every
 * unchanged document's object, so a few cost little more than one; manifests share nothing (at 100,000
 * documents each lists 330,000 files), so only the newest three are kept (a rollback further back reads
 * its manifest from disk).
 */
const IN_MEMORY = 3
const inMemory = new Map<string, { manifest: Manifest; snapshot: Snapshot }>()
const remember = (id: string, release: { manifest: Manifest; snapshot: Snapshot }) => {
  inMemory.delete(id)
  inMemory.set(id, release)
  while (inMemory.size > IN_MEMORY) inMemory.delete(inMemory.keys().next().value!)
}
const readRelease = async (id: string): Promise<{ manifest: Manifest | null; snapshot: Snapshot | null }> => {
  const known = inMemory.get(id)
  if (known) return known
  const stored = await readJson<Omit<Manifest, 'routes'> & { routes: Record<string, string> }>(path.join(releasesDir(), id, MANIFEST))
  const manifest: Manifest | null = stored && { ...stored, routes: new Map(Object.entries(stored.routes)) }
  return { manifest, snapshot: manifest ? await readSnapshot(snapshotFile()) : null }
}

/**
 * Readies a long-lived publisher for its first publish, which would otherwise cost several times any
 * later one: the live release's manifest and snapshot are read into memory, the route table's per-document
 * work and props hashes are done once, the manifest's file list counted and its search files grouped (the
 * next diff's candidates), its pieces serialised (the next manifest reuses them), the search delta's
 * compressed copies remembered, and the next release's directory is made when there is none. Without these
 * the first publish after a start took 8.8 s at 100,000 documents, the others 2–4 s.
 */
export const readyForFirstPublish = async () => {
  const liveId = await liveRelease()
  if (!liveId) return
  if (!inMemory.has(liveId)) {
    const { manifest, snapshot } = await readRelease(liveId)
    if (!manifest || !snapshot) return
    remember(liveId, { manifest, snapshot })
    hashRoutes(routeTable(siteData(snapshot)))
    countOf(manifest.files)
    searchFoldersOf(manifest.files)
    manifestBytes(manifest, null)
    if (manifest.search.delta) await keepBestCopies(path.join(releasesDir(), liveId, SITE, 'pagefind', manifest.search.delta.dir))
  }
  if (!(await hasNext(liveId))) await prepareNext(path.join(releasesDir(), liveId))
}

/** The content a release was rendered from (its snapshot alone, without the manifest), or null. */
export const releaseSnapshot = async (id: string): Promise<Snapshot | null> => inMemory.get(id)?.snapshot ?? readSnapshot(snapshotFile())

/**
 * How long a long-lived publisher waits, publishing nothing, before it saves its snapshot
 * (`WENMING_SNAPSHOT_IDLE_MS`; also when its parent goes away). The snapshot is only a cache of database
 * reads for a publisher that starts afresh (one that runs on keeps it in memory), and saving it was 84 MB
 * and a third of a second of CPU at 10,000 documents after every publish — while the release was being
 * pushed to the public targets.
 */
const snapshotIdleMs = () => Number(process.env.WENMING_SNAPSHOT_IDLE_MS ?? 15_000)
let savingLater: { timer: NodeJS.Timeout; save: () => Promise<void> } | null = null
const saveSnapshot = async (snapshot: Snapshot, log: (line: string) => void) =>
  writeSnapshot(snapshotFile(), snapshot).catch((error: unknown) => log(`  ⚠ 内容快照未能保存（重新启动后的第一次发布将重新读取全部内容）：${String(error)}`))
/** Saves a snapshot waiting for the publisher to be idle now (before the process ends). */
export const saveSnapshotNow = async () => {
  const waiting = savingLater
  savingLater = null
  if (!waiting) return
  clearTimeout(waiting.timer)
  await waiting.save()
}

/**
 * Keeps the live release and the `keep` newest; the rest, and any unfinished directory, are moved into
 * the trash (trash.ts) under the lock, with the search partitions no kept release links to. With
 * `recycle`, the newest complete release beyond those is set aside instead, for the next release's
 * directory to be made from (staging.ts); its path is returned.
 */
const prune = async (keep: number, recycle: boolean): Promise<{ id: string; dir: string } | null> => {
  const live = await liveRelease()
  const complete = await listReleases()
  const keepers = new Set([...complete.slice(0, keep), ...(live ? [live] : [])])
  const spare = recycle ? complete.find((name) => !keepers.has(name)) : undefined
  const setAside = spare ? await setAsideForRecycling(path.join(releasesDir(), spare)).catch(() => null) : null
  for (const name of await readdir(releasesDir())) if (!keepers.has(name) && name !== spare) await toTrash(path.join(releasesDir(), name))
  await moveUnusedPartitions([...keepers].map((name) => path.join(releasesDir(), name, SITE)), toTrash)
  emptyTrash()
  return spare && setAside ? { id: spare, dir: setAside } : null
}

/**
 * What each recent release changed against the one live before it (its manifest's diff), by id: the next
 * release's directory is made from an old release's by these paths alone (staging.ts), when the chain of
 * releases back to it is known. Paths only, a publish's worth each; also written beside each manifest
 * (`LINEAGE_FILE`), so a publisher that starts afresh knows the chain of the releases before it.
 */
const LINEAGE = 32
const LINEAGE_FILE = 'lineage.json'
interface Lineage {
  previous: string | null
  changed: string[]
}
const lineage = new Map<string, Lineage>()
const lineageOf = async (id: string): Promise<Lineage | null> => lineage.get(id) ?? readJson<Lineage>(path.join(releasesDir(), id, LINEAGE_FILE))
/** The paths that may differ between release `from` and the later release `to`, or null when the chain between them is not known. */
const changedSince = async (from: string, to: string): Promise<string[] | null> => {
  const paths = new Set<string>()
  for (let id: string | null = to, steps = 0; id !== from; steps++) {
    const step: Lineage | null = id === null || steps > LINEAGE ? null : await lineageOf(id)
    if (!step) return null
    for (const rel of step.changed) paths.add(rel)
    id = step.previous
  }
  return [...paths]
}

export type PublishResult =
  | { ok: true; release: string; dir: string; manifest: Manifest; rendered: number; reused: number }
  | { ok: false; error: string }

export interface PublishOptions {
  /** 'fast' updates the search delta; 'full' rebuilds the search partitions (compaction). */
  mode?: 'fast' | 'full'
  /** Ignore the live release: render and index everything (what a first build does). */
  clean?: boolean
  keep?: number
  /**
   * For a process that publishes again: make the next release's directory ahead after switching
   * (staging.ts), and save the release's snapshot only once nothing was published for a while.
   */
  publishesAgain?: boolean
  log?: (line: string) => void
}

/** Makes a new release from the database and switches to it. Never leaves a half-written release live. */
export const publish = async (options: PublishOptions = {}): Promise<PublishResult> => {
  try {
    return await withPublishLock(() => publishLocked(options))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await writeBuildState({ status: 'failed', error: message.slice(-4000), failedAt: new Date().toISOString() })
    return { ok: false, error: message }
  }
}

const publishLocked = async ({ mode = 'fast', clean = false, keep = 5, publishesAgain = false, log = () => undefined }: PublishOptions): Promise<PublishResult> => {
  const started = performance.now()
  // A snapshot waiting to be saved is read again by this publish.
  if (savingLater) clearTimeout(savingLater.timer)
  savingLater = null
  const timings: Record<string, number> = {}
  const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since))
  await writeBuildState({ status: 'building', startedAt: new Date().toISOString() })
  const liveId = clean ? null : await liveRelease()
  const prevDir = liveId ? path.join(releasesDir(), liveId) : null
  const { manifest: prev, snapshot: prevSnapshot } = liveId ? await readRelease(liveId) : { manifest: null, snapshot: null }
  // Without a usable live release everything is indexed anew (a missing snapshot only means reading every document).
  const effectiveMode = prev ? mode : 'full'

  let t = performance.now()
  const renderer = await loadRenderer(log)
  lap('rendererMs', t)
  t = performance.now()
  log('▶ 读取已发布的内容')
  const refresh = await refreshSnapshot(prevSnapshot, { full: effectiveMode === 'full' })
  lap('loadMs', t)
  t = performance.now()
  const routes = routeTable(siteData(refresh.snapshot))
  lap('routesMs', t)
  log(`  重新读取 ${String(refresh.reloaded)} 篇，移除 ${String(refresh.removed)} 篇；共 ${String(routes.size)} 个网址`)

  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${String(process.pid)}-${String(Date.now() % 1000).padStart(3, '0')}`
  const outDir = path.join(releasesDir(), id)
  const siteDir = path.join(outDir, SITE)
  const prevSite = prevDir ? path.join(prevDir, SITE) : null
  const files: Record<string, string> = {}
  /**
   * Every file the release records other than the live release's pages linked as they are (`reusePages`),
   * when its hash is not the live release's: the diff is worked out from these and a count, not from a pass
   * over both file lists (330,000 entries each at 100,000 documents, half a second a publish).
   */
  const touched = new Set<string>()
  let linkedPages = 0
  /** Set when files were dropped from the list: the diff is then worked out by the whole pass. */
  let uncounted = false
  /** How many files the list holds (counting 330,000 keys took 0.15 s a publish), and its search files by folder. */
  let fileCount = 0
  const searchFolders = new Map<string, string[]>()
  const setFile = (rel: string, hash: string) => {
    if (!(rel in files)) {
      fileCount++
      if (inSearchFolder(rel)) groupSearchFile(searchFolders, rel)
    }
    files[rel] = hash
  }
  const assign = (rel: string, hash: string) => {
    setFile(rel, hash)
    // Pages too, whatever their hash: they are counted from these.
    if (prev?.files[rel] !== hash || rel.endsWith('.html')) touched.add(rel)
  }
  /**
   * Files already in the new directory: the live release's, when the directory made ahead from it was
   * taken over (staging.ts), except its search folder (made again by every release). They are the live
   * release's inodes: one is replaced (`vacate`, then written or linked anew) and never written into, and
   * any not claimed by the end is removed.
   */
  t = performance.now()
  const staged = Boolean(liveId && prev && (await takeNext(liveId, outDir)))
  if (staged) await rm(path.join(siteDir, 'pagefind'), { recursive: true, force: true })
  // Waiting for the directory made ahead (staging.ts), and taking it over.
  lap('stagedMs', t)
  // Read from the live release's file list as it is (copying 330,000 entries at 100,000 documents cost
  // half a second a publish): a file is present until vacated.
  const vacated = new Set<string>()
  const presentHash = (rel: string): string | undefined => (staged && !vacated.has(rel) && !inSearchFolder(rel) ? prev!.files[rel] : undefined)
  const vacate = async (rel: string) => {
    if (presentHash(rel) === undefined) return
    vacated.add(rel)
    await rm(path.join(siteDir, rel), { force: true })
  }
  const failures: Failure[] = refresh.failures.map((f) => ({ message: f.message }))
  const dirs = new Set<string>()
  const ensureDir = async (rel: string) => {
    const dir = path.dirname(path.join(siteDir, rel))
    if (dirs.has(dir)) return
    await mkdir(dir, { recursive: true })
    dirs.add(dir)
  }
  const reuse = async (from: string, rel: string, hash: string) => {
    assign(rel, hash)
    if (presentHash(rel) === hash) return
    await vacate(rel)
    await ensureDir(rel)
    await link(path.join(from, rel), path.join(siteDir, rel))
  }
  /** Links a file of the live release and its compressed copies. */
  const reusePrevious = async (rel: string) => {
    for (const r of copiesOf(rel)) if (prev!.files[r]) await reuse(prevSite!, r, prev!.files[r])
  }
  /**
   * Links the pages of the live release at `urls` (with their compressed copies) at once. Nothing is made
   * per file that is already in place (at 100,000 documents, 320,000 files a publish).
   */
  const reusePages = async (urls: string[]) => {
    const missing: string[] = []
    for (const url of urls) {
      for (const rel of copiesOfPage(url)) {
        const hash = prev!.files[rel]
        if (!hash) continue
        // The live release's file as it is: neither added nor changed (see `assign`).
        setFile(rel, hash)
        if (rel.endsWith('.html')) linkedPages++
        if (presentHash(rel) !== hash) missing.push(rel)
      }
    }
    for (const rel of missing) await vacate(rel)
    await linkFiles(prevSite!, siteDir, missing)
  }
  /** Writes a file of the new release (a new inode, whatever was there). */
  const put = async (rel: string, data: Buffer) => {
    await vacate(rel)
    await ensureDir(rel)
    await writeFile(path.join(siteDir, rel), data)
  }
  const record = async (rel: string, data: Buffer, options?: CompressOptions) => {
    const recorded = await hashWithCopies(rel, data, put, options)
    for (const [r, hash] of Object.entries(recorded)) assign(r, hash)
    return recorded
  }
  const write = async (rel: string, data: Buffer) => {
    await put(rel, data)
    await record(rel, data)
  }
  const adopt = async (rel: string, options?: CompressOptions) => record(rel, await readFile(path.join(siteDir, rel)), options)

  let live = false
  try {
    await mkdir(siteDir, { recursive: true })
    // The bundle's static files (CSS/JS, public/): the same for every release of this code.
    t = performance.now()
    const client = await clientFiles(renderer.clientDir)
    await pool(Object.entries(client), 32, ([rel, hash]) => reuse(renderer.clientDir, rel, hash))
    // Images the published documents use, copied from the upload folder when new or changed.
    const media: Record<string, string> = {}
    const used = mediaUsed(refresh.snapshot)
    await pool([...used], 32, async (rel) => {
      const source = path.join(mediaDir, rel.slice('media/'.length))
      const info = await stat(source).catch(() => null)
      if (!info) {
        failures.push({ message: `图片文件缺失：${rel}` })
        return
      }
      media[rel] = `${String(info.size)}:${String(info.mtimeMs)}`
      if (prev?.media[rel] === media[rel] && prev.files[rel]) return reusePrevious(rel)
      await write(rel, await readFile(source))
    })
    lap('assetsMs', t)

    // Pages: rendered when their props (or the templates) changed, linked from the live release otherwise.
    // Each is handed to the search update as it is done, so a full build indexes older years while it
    // renders newer ones.
    t = performance.now()
    const searchUpdate = openSearchUpdate({
      mode: effectiveMode,
      siteDir,
      prevSite,
      prev: prev?.search ?? null,
      prevFiles: prev?.files ?? {},
      routes,
      synonyms: refresh.snapshot.synonyms,
      write,
      adopt,
      discard: async (relDir) => {
        await rm(path.join(siteDir, relDir), { recursive: true, force: true })
        for (const rel of Object.keys(files)) if (rel.startsWith(`${relDir}/`)) delete files[rel]
        uncounted = true
      },
      recordMany: (entries) => {
        for (const [rel, hash] of entries) assign(rel, hash)
      },
      log,
    })
    log('▶ 生成页面，更新全文搜索索引（Pagefind）')
    const sameTemplates = prev?.renderer === renderer.key
    const toRender: [string, Route][] = []
    const toLink: string[] = []
    const hashing = performance.now()
    /** Routes whose hash is not the live release's: new, changed, and (added below) gone. */
    const changedRoutes: string[] = []
    const routeHashes = hashRoutes(routes)
    for (const [url, hash] of routeHashes) {
      const route = routes.get(url)!
      const had = prev?.routes.get(url)
      if (had !== hash) changedRoutes.push(url)
      if (sameTemplates && had === hash && prev.files[copiesOfPage(url)[0]!]) toLink.push(url)
      else toRender.push([url, route])
    }
    lap('routeHashMs', hashing)
    // Unchanged pages are linked by another thread while this one renders; they are handed to the search
    // update once their files are in place (it may read them).
    const linkingFrom = performance.now()
    const linking = reusePages(toLink).then(() => lap('linkMs', linkingFrom))
    linking.catch(() => undefined)
    // Documents oldest first, then the pages without a day (lists, home, feeds): each search partition (a
    // range of days) is complete, and indexed, as soon as rendering has passed its newest day, and the one
    // left to index when rendering ends is the newest, the smallest (it also holds the pages without a day).
    toRender.sort(([, a], [, b]) => (a.date ? 0 : 1) - (b.date ? 0 : 1) || byCodeUnits(a.date ?? '', b.date ?? ''))
    /** A page that could not be made keeps its last good version (if it had one); everything else goes live. */
    const keepPrevious = async (url: string, rel: string, error: unknown) => {
      failures.push({ url, message: `${url} 无法生成页面：${error instanceof Error ? error.message : String(error)}` })
      if (prev?.files[rel]) {
        await reusePrevious(rel)
        routeHashes.set(url, prev.routes.get(url) ?? '')
        await searchUpdate.add(url)
      } else routeHashes.delete(url)
    }
    // Pages are rendered and written by the render lanes' threads (render-lanes.ts); this one makes their
    // folders and records what comes back, a few pages in flight on each lane.
    const lanes = await renderLanes(renderer.entry, renderer.origin)
    lanes.begin({ siteDir, groups: indexGroups(refresh.snapshot.synonyms) })
    const rendering = new Set<Promise<void>>()
    for (const [url, route] of toRender) {
      const rel = fileFor(url)
      const job = (async () => {
        try {
          for (const r of copiesOf(rel)) await vacate(r)
          await ensureDir(rel)
          const page = await lanes.render(url, route, rel)
          for (const [r, hash] of page.files) assign(r, hash)
          await searchUpdate.add(url, page.index)
        } catch (error) {
          await keepPrevious(url, rel, error)
        }
      })()
      rendering.add(job)
      void job.finally(() => rendering.delete(job))
      if (rendering.size >= lanes.depth) await Promise.race(rendering)
    }
    await Promise.all(rendering)
    lap('renderMs', t)
    await linking
    await searchUpdate.addLinked(toLink)
    log(`  生成 ${String(toRender.length)} 个，沿用 ${String(toLink.length)} 个`)
    if (!files['index.html']) throw new Error('没有生成首页 index.html')

    t = performance.now()
    const search = await searchUpdate.finish()
    lap('indexMs', t)
    t = performance.now()

    // What the live release had and this one does not (a page taken down) goes, with folders left empty.
    const before = prev?.files ?? {}
    const goneRoutes = prev ? [...prev.routes.keys()].filter((url) => !routeHashes.has(url)) : []
    if (!uncounted) fileCounts.set(files, fileCount)
    keepSearchFolders(files, searchFolders)
    // What may have left: the files of the live release's search folders this one does not have (a folder
    // is named by its content), its pages whose routes are gone and images no longer used (the bundle's
    // files are the same while the templates are).
    const mayBeGone =
      sameTemplates && prev
        ? [
            ...[...searchFoldersOf(prev.files)].flatMap(([folder, rels]) => (searchFolders.has(folder) ? [] : rels)),
            ...goneRoutes.flatMap(copiesOfPage),
            ...Object.keys(prev.media).filter((rel) => !(rel in media)).flatMap(copiesOf),
          ]
        : null
    const { diff, pages, readThrough } = uncounted ? diffOf(before, files, Object.keys(files), 0, null) : diffOf(before, files, touched, linkedPages, mayBeGone)
    for (const rel of diff.removed) if (staged && presentHash(rel) !== undefined) await removeWithEmptyFolders(siteDir, rel)
    const manifest: Manifest = {
      id,
      mode: effectiveMode,
      previous: liveId,
      builtAt: new Date().toISOString(),
      ms: Math.round(performance.now() - started),
      renderer: renderer.key,
      pages,
      files,
      diff,
      routes: routeHashes,
      media,
      search,
      failures,
      timings: { ...timings, staged: staged ? 1 : 0, diffReadThrough: readThrough ? 1 : 0, rendered: toRender.length, reused: toLink.length, astroPeakRss: renderer.buildPeakRss ?? 0 },
    }
    // The manifest is written last: a directory without it is an unfinished release.
    changedRoutes.push(...goneRoutes)
    const changes = prev ? { since: prev.id, files: [...diff.added, ...diff.changed, ...diff.removed], routes: changedRoutes } : null
    // Only a release made against a live one has a diff that says what it changed.
    if (changes) await writeFile(path.join(outDir, LINEAGE_FILE), JSON.stringify({ previous: liveId, changed: changes.files } satisfies Lineage))
    await writePieces(path.join(outDir, MANIFEST), manifestBytes(manifest, changes))
    lap('manifestMs', t)
    await switchTo(outDir)
    live = true
    remember(id, { manifest, snapshot: refresh.snapshot })
    timings.total = Math.round(performance.now() - started)
    log(`  已上线，用时（毫秒）：${JSON.stringify(timings)}`)
    // The snapshot is only a cache of database reads, so it is written after the switch (a release left
    // without one is read afresh), by a process that publishes again once it has been idle a while.
    if (!publishesAgain) await saveSnapshot(refresh.snapshot, log)
    else {
      const save = () => saveSnapshot(refresh.snapshot, () => undefined)
      savingLater = { timer: setTimeout(() => void saveSnapshotNow(), snapshotIdleMs()), save }
      savingLater.timer.unref()
    }
    await writeBuildState({
      status: 'idle',
      error: null,
      failures,
      lastGoodAt: manifest.builtAt,
      lastGoodMs: manifest.ms,
      lastRendered: toRender.length,
      ...(effectiveMode === 'full' ? { deltaPages: 0 } : { deltaPages: Object.keys(search.delta?.pages ?? {}).length + search.removed.length }),
    })
    const recycled = await prune(keep, publishesAgain).catch((error: unknown) => {
      log(`  ⚠ 清理旧版本失败（不影响已上线的版本）：${String(error)}`)
      return null
    })
    if (changes) lineage.set(id, { previous: liveId, changed: changes.files })
    while (lineage.size > LINEAGE) lineage.delete(lineage.keys().next().value!)
    if (publishesAgain) {
      const since = recycled && (await changedSince(recycled.id, id))
      void prepareNext(outDir, recycled?.dir ?? null, since ? since.map((rel) => ({ rel, present: rel in files })) : null)
    }
    log(`  ${String(diff.added.length)} 个文件新增，${String(diff.changed.length)} 个修改，${String(diff.removed.length)} 个删除；上线后收尾 ${String(Math.round(performance.now() - started - (timings.total ?? 0)))} 毫秒`)
    return { ok: true, release: id, dir: outDir, manifest, rendered: toRender.length, reused: toLink.length }
  } catch (error) {
    // A release that went live stays (what failed after the switch was bookkeeping); any other is removed.
    if (!live) await rm(outDir, { recursive: true, force: true })
    throw error
  }
}

/** The renderer's static files with their hashes (computed once per renderer and kept beside it). */
const clientFiles = async (clientDir: string): Promise<Record<string, string>> => {
  const cache = path.join(clientDir, '..', 'client-files.json')
  const known = await readJson<Record<string, string>>(cache)
  if (known) return known
  const result: Record<string, string> = {}
  for (const entry of await readdir(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const rel = path.relative(clientDir, path.join(entry.parentPath, entry.name))
    Object.assign(result, await hashWithCopies(rel, await readFile(path.join(clientDir, rel)), (copy, data) => writeFile(path.join(clientDir, copy), data)))
  }
  await writeFile(cache, JSON.stringify(result))
  return result
}

/** How many files a file list holds, kept per list: the next publish compares its own count with it. */
const fileCounts = new WeakMap<Record<string, string>, number>()
const countOf = (files: Record<string, string>) => fileCounts.get(files) ?? fileCounts.set(files, Object.keys(files).length).get(files)!

/**
 * The diff of the live release's file list (`before`) and this release's, and the count of its pages, from
 * `candidates`: every file recorded with a hash other than the live release's (and every page), when the
 * rest are `counted` pages linked as they are; else all of this release's files. Added and changed files
 * are among the candidates, and the counts of the two lists say whether any live file is left out. Removed
 * files are looked for among `mayBeGone` when given, and the counts say whether that found them all; only
 * otherwise is the live list read through (330,000 entries at 100,000 documents: a quarter of a second).
 */
const diffOf = (before: Record<string, string>, files: Record<string, string>, candidates: Iterable<string>, counted: number, mayBeGone: string[] | null) => {
  const diff: Manifest['diff'] = { added: [], changed: [], removed: [] }
  let pages = counted
  for (const rel of candidates) {
    if (!(rel in files)) continue
    if (rel.endsWith('.html')) pages++
    const had = before[rel]
    if (had === undefined) diff.added.push(rel)
    else if (had !== files[rel]) diff.changed.push(rel)
  }
  // Files of the live release still here: all but those added.
  const kept = countOf(files) - diff.added.length
  if (countOf(before) === kept) return { diff, pages, readThrough: false }
  if (mayBeGone) for (const rel of new Set(mayBeGone)) if (rel in before && !(rel in files)) diff.removed.push(rel)
  if (countOf(before) - diff.removed.length === kept) return { diff, pages, readThrough: false }
  diff.removed = []
  for (const rel in before) if (!(rel in files)) diff.removed.push(rel)
  return { diff, pages, readThrough: true }
}
