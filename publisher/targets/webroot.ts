/**
 * A public machine's web root, as the receiver builds it and the guard keeps it (the ssh target builds the
 * same layout over SSH):
 *
 *   <root>/current -> releases/<id>     what the web server serves, switched by one rename
 *   <root>/releases/<id>/…              the site of a release; unchanged files hard-linked from the last one
 *   <root>/releases/<id>.next/…         an older release made equal to <id> after its switch: the next
 *                                       release starts from it (prepareNext; ssh servers do the same)
 *   <root>/manifests/<id>.json, .sig    the signed manifest (root) of each release
 *   <root>/manifests/parts/<sha>.json   the parts of the file lists the roots name (signing.ts)
 *   <root>/objects/<sha256>             a pristine copy of every file (separate inodes: editing a served
 *                                       file in place cannot change them), the guard's restore source
 *   <root>/guard.log                    what the guard found and restored, one JSON object a line
 */
import type { KeyObject } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, rmSync, statSync, unlinkSync } from 'node:fs'
import { chmod, copyFile, link, mkdir, readdir, readFile, readlink, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { copyAsLinks, pool, removeWithEmptyFolders, sha256, writeAtomic } from '../files.ts'
import { countEntries, listTree } from '../mirror.ts'
import { emptyTrash, toTrash } from '../trash.ts'
import { hashCache, type HashCache } from './hashCache.ts'
import { type SignedManifest, type TargetManifest, verifiedManifest } from './signing.ts'

export const releasesOf = (root: string) => path.join(root, 'releases')
/** A release's own directory (not `<id>.partial`, `<id>.next`, or a temporary one). */
const isRelease = (name: string) => !name.includes('.')
export const objectPath = (root: string, sha: string) => path.join(root, 'objects', sha.slice(0, 2), sha)
const manifestPath = (root: string, id: string) => path.join(root, 'manifests', `${id}.json`)
const partsDir = (root: string) => path.join(root, 'manifests', 'parts')
export const partPath = (root: string, sha: string) => path.join(partsDir(root), `${sha}.json`)
/** A manifest part from the web root's store, or null. */
export const storedPart = (root: string) => (sha: string) => readFile(partPath(root, sha)).catch(() => null)

/** The release `current` points at, or null. */
export const liveId = async (root: string): Promise<string | null> => {
  try {
    return path.basename(await readlink(path.join(root, 'current')))
  } catch {
    return null
  }
}

/** A release's manifest, checked against its signature with `key`. */
export const readManifest = async (root: string, id: string, key: KeyObject): Promise<TargetManifest> => {
  const file = manifestPath(root, id)
  return verifiedManifest(await readFile(file), await readFile(`${file.slice(0, -5)}.sig`, 'utf8'), key, storedPart(root))
}

/** Where a release's files come from: the delta that brought it (rel → bytes), else the object store. */
export type Source = (rel: string, sha: string) => Promise<Buffer | null>

/**
 * Makes `dir` (an older release, renamed) hold what it can of `files` without reading a byte: a file stays
 * when its stats say (hash cache) it holds the hash named for its path; anything else in it goes (links are
 * removed, never followed: one planted there must not lead a removal outside the web root), and so do the
 * folders no file needs. Returns the paths that stayed.
 */
const reconcile = (dir: string, files: Record<string, string>, hashes: HashCache): Set<string> => {
  const kept = new Set<string>()
  const tree = listTree(dir)
  for (const [rel, entry] of tree.entries) {
    if ('ino' in entry && rel in files && hashes.knownStats(entry.stats) === files[rel]) kept.add(rel)
    else unlinkSync(path.join(dir, rel))
  }
  const needed = new Set<string>()
  for (const rel of Object.keys(files)) for (let d = path.dirname(rel); d !== '.' && !needed.has(d); d = path.dirname(d)) needed.add(d)
  for (const rel of tree.folders.sort().reverse()) if (!needed.has(rel)) rmSync(path.join(dir, rel), { recursive: true, force: true })
  return kept
}

/** Hard-links `from` as `to` when the hash cache knows `from` holds `sha` (without reading it); false otherwise. */
const linkIfKnown = (from: string, to: string, sha: string, hashes: HashCache) => {
  if (hashes.knownSync(from) !== sha) return false
  linkSync(from, to)
  hashes.vouch(to, sha)
  return true
}

/**
 * The readied directory this process made equal to a live release (prepareNext), with the change time of
 * each of its folders then: the next stage trusts it while no folder's change time has changed (a file or
 * folder planted, deleted or replaced anywhere in it changes its folder's, and a change time cannot be set
 * back, unlike a modification time), touches only what the release changes and counts nothing, where
 * listing, checking or counting every file of the readied site on the publish's path cost seconds under
 * load. Another process, a readiness cut short or a changed folder leaves it unknown: then the stage lists
 * the directory, checks every file and counts them. (A file written into in place shares its inode with
 * the live release, where the guard puts it right, in every release that links it.)
 */
let readied: { root: string; id: string; folders: Map<string, number> } | null = null

/** The change time of every folder `files` need under `dir`, and of `dir` itself. */
const folderTimes = (dir: string, files: Record<string, string>) => {
  const times = new Map<string, number>()
  for (const rel of Object.keys(files)) {
    for (let d = path.dirname(rel); !times.has(d); d = path.dirname(d)) {
      times.set(d, statSync(path.join(dir, d)).ctimeMs)
      if (d === '.') break
    }
  }
  return times
}
const unchanged = (dir: string, folders: Map<string, number>) => {
  for (const [rel, time] of folders) if (statSync(path.join(dir, rel), { throwIfNoEntry: false })?.ctimeMs !== time) return false
  return true
}

/**
 * Builds `releases/<id>/` from the signed manifest: files in the delta are written, every other file is
 * hard-linked from the live release when its hash there is right, else copied from the object store.
 * It starts from `releases/<live>.next` when there is one: readied by this process (equal to the live
 * release), only the files that differ are replaced; otherwise what it holds of the manifest with the right
 * hash stays and everything else goes (removed first: its files are other releases' inodes). Every written
 * file's hash and the file count are verified before the directory gets its final name; nothing that is
 * served changes. Throws (Chinese) when a file is missing or wrong. `hashes` remembers what was read
 * before, so a release of a large archive reads only the files that changed (hashCache.ts).
 */
export const stageRelease = async (
  root: string,
  manifest: TargetManifest,
  signed: SignedManifest,
  delta: Source,
  key: KeyObject,
  hashes: HashCache = hashCache(),
): Promise<{ dir: string; prepared: boolean; timings: Record<string, number> }> => {
  const final = path.join(releasesOf(root), manifest.id)
  const timings: Record<string, number> = {}
  let t = performance.now()
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - t)
    t = performance.now()
  }
  if (existsSync(final)) return { dir: final, prepared: false, timings }
  const live = await liveId(root)
  const liveFiles = live ? await verifiedFiles(root, live, key).catch(() => ({}) as Record<string, string>) : {}
  lap('liveManifestMs')
  const partial = `${final}.partial`
  await rm(partial, { recursive: true, force: true })
  const next = live ? path.join(releasesOf(root), `${live}.next`) : null
  const trusted = Boolean(next && readied?.root === root && readied.id === live && unchanged(next, readied.folders))
  readied = null
  const prepared = Boolean(next && (await rename(next, partial).then(() => true, () => false)))
  await mkdir(partial, { recursive: true })
  const entries = Object.entries(manifest.files)
  // What the directory holds that the release keeps as it is.
  let kept: (rel: string, sha: string) => boolean = () => false
  // Checked file by file instead, as a directory this process did not ready: the readied one could not be
  // changed as the release asks (a file it should hold was gone).
  const checkAll = async () => {
    await rename(partial, next!)
    const again = await stageRelease(root, manifest, signed, delta, key, hashes)
    return { ...again, timings: { ...again.timings, rechecked: 1 } }
  }
  if (prepared && trusted) {
    try {
      // Equal to the live release: what the release drops or changes goes, with folders left empty.
      for (const [rel, sha] of Object.entries(liveFiles)) {
        if (manifest.files[rel] === sha) continue
        if (rel in manifest.files) rmSync(path.join(partial, rel), { force: true })
        else await removeWithEmptyFolders(partial, rel)
      }
    } catch {
      return checkAll()
    }
    kept = (rel, sha) => liveFiles[rel] === sha
  } else if (prepared) {
    const present = reconcile(partial, manifest.files, hashes)
    kept = (rel) => present.has(rel)
  }
  lap('preparedMs')
  // Then every unchanged file whose live copy is known intact is linked in one synchronous sweep (tens of
  // thousands of links take a fraction of a second this way, seconds as separate promises); the rest — the
  // delta, files never read yet — a few at a time. Folders first, one mkdir each.
  let count = 0
  const rest: [string, string][] = []
  const made = new Set<string>()
  const folderOf = (rel: string) => {
    const dir = path.dirname(path.join(partial, rel))
    if (!made.has(dir)) mkdirSync(dir, { recursive: true })
    made.add(dir)
  }
  for (const [rel, sha] of entries) {
    if (kept(rel, sha)) {
      count++
      continue
    }
    folderOf(rel)
    if (live && liveFiles[rel] === sha && linkIfKnown(path.join(releasesOf(root), live, rel), path.join(partial, rel), sha, hashes)) count++
    else rest.push([rel, sha])
  }
  lap('linkedMs')
  await pool(rest, 8, async ([rel, sha]) => {
    const target = path.join(partial, rel)
    const bytes = await delta(rel, sha)
    const liveFile = live ? path.join(releasesOf(root), live, rel) : ''
    if (bytes) {
      if (sha256(bytes) !== sha) throw new Error(`文件“${rel}”的 SHA-256 与签名清单不符（传输中损坏或被改动），已拒绝此版本。`)
      await writeFile(target, bytes)
      // Its bytes were just checked: the next release links it without reading it again (a whole site's
      // first bundle left unknown cost the next one a read of every file, tens of seconds at 10,000 documents).
      hashes.vouch(target, sha)
      await keepObject(root, sha, bytes, hashes)
    } else if (live && liveFiles[rel] === sha && (await hashes.hash(liveFile)) === sha) {
      await link(liveFile, target)
      hashes.vouch(target, sha)
    } else {
      const object = objectPath(root, sha)
      if ((await hashes.hash(object)) !== sha) throw new Error(`缺少文件“${rel}”（既不在本次发布包中，也不在已接收的内容中），请等待包含它的发布包。`)
      await copyFile(object, target)
      hashes.vouch(target, sha)
    }
    count++
  })
  lap('writtenMs')
  // A trusted directory holds what was counted here; any other is counted on disk.
  const onDisk = prepared && trusted ? count : countEntries(partial)
  if (onDisk !== count || count !== entries.length) throw new Error(`版本 ${manifest.id} 的文件数不符：清单 ${String(entries.length)} 个，实际 ${String(onDisk)} 个。`)
  // Parts already kept are touched: pruning leaves alone what was used in the last ten minutes.
  for (const [sha, bytes] of signed.parts) if (existsSync(partPath(root, sha))) await utimes(partPath(root, sha), new Date(), new Date())
  else await writeAtomic(partPath(root, sha), bytes)
  await writeAtomic(manifestPath(root, manifest.id), signed.bytes)
  await writeAtomic(`${manifestPath(root, manifest.id).slice(0, -5)}.sig`, signed.signature)
  await rename(partial, final)
  lap('savedMs')
  verified = { root, id: manifest.id, files: manifest.files }
  return { dir: final, prepared, timings: { ...timings, rest: rest.length, trusted: Number(prepared && trusted) } }
}

/** The file list of the release this process staged last, verified then (a long-lived receiver reuses it). */
let verified: { root: string; id: string; files: Record<string, string> } | null = null
const verifiedFiles = async (root: string, id: string, key: KeyObject) =>
  verified?.root === root && verified.id === id ? verified.files : (await readManifest(root, id, key)).files

/**
 * Readies `releases/<id>.next` for the next release to start from, right after release `id` went live,
 * out of a directory that is there anyway — the one readied for the release live before (after a
 * rollback), else the oldest release beyond the `keep` newest (never the live one), else, after a
 * rollback, a release newer than the live one — made equal to the live release: what it holds of it with
 * the right hash (known from the hash cache, not read) stays, everything else goes, the live files it
 * lacks are linked in. Without one (the first releases) it is a whole tree of links of the live release,
 * made by a low-priority `cp -al`. Off the publish's path (the receiver does it between bundles), so the
 * next stage touches only what changes (when it was made before the stage trusted it, each of the first
 * releases linked every file itself: 5-16 s under load at 10,000 documents). Returns whether the
 * directory is readied (known equal to the live release).
 */
export const prepareNext = async (root: string, id: string, key: KeyObject, hashes: HashCache, keep = 5, signal?: AbortSignal): Promise<boolean> => {
  readied = null
  const dir = releasesOf(root)
  const names = await readdir(dir)
  const earlier = names.find((name) => name.endsWith('.next'))
  for (const name of names) if (name !== earlier && (name.endsWith('.next') || name.endsWith('.next.tmp'))) await rm(path.join(dir, name), { recursive: true, force: true })
  // A rollback never goes back to a release newer than the live one: it goes further back, and a publish makes a newer release.
  const releases = names.filter(isRelease).sort().reverse()
  const spare = earlier ?? releases.slice(keep).find((name) => name !== id) ?? releases.find((name) => name > id)
  const next = path.join(dir, `${id}.next`)
  const files = await verifiedFiles(root, id, key)
  if (!spare) {
    // The first releases: a whole tree of links of the live one, by a low-priority process. Stopped when
    // a release comes meanwhile: starved of the machine by the publish it would serve, it cost that
    // release seconds of waiting, where linking what it keeps on its own path takes a fraction of one.
    try {
      await copyAsLinks(path.join(dir, id), `${next}.tmp`, signal)
    } catch (error) {
      if (!signal?.aborted) throw error
      await toTrash(`${next}.tmp`, path.join(root, 'trash')).catch(() => undefined)
      emptyTrash(path.join(root, 'trash'))
      return false
    }
    await rename(`${next}.tmp`, next)
  } else {
    if (spare !== `${id}.next`) await rename(path.join(dir, spare), next)
    if (isRelease(spare)) await removeManifest(root, spare)
    const kept = reconcile(next, files, hashes)
    for (const [rel, sha] of Object.entries(files)) {
      if (kept.has(rel)) continue
      mkdirSync(path.dirname(path.join(next, rel)), { recursive: true })
      // A live file not known intact is not linked: the directory then stays unknown, and the stage checks it.
      if (!linkIfKnown(path.join(dir, id, rel), path.join(next, rel), sha, hashes)) return false
    }
  }
  if ((await liveId(root)) !== id) return false
  readied = { root, id, folders: folderTimes(next, files) }
  return true
}

/** What was used this recently (a part, a copy) is never pruned: a release staged meanwhile may need it. */
const UNUSED_MS = 10 * 60_000
/** A file whose time says when the parts and copies were last swept. */
export const SWEPT = '.swept'

/** Keeps a pristine, read-only copy of a file's bytes under its hash. */
export const keepObject = async (root: string, sha: string, bytes: Buffer, hashes: HashCache) => {
  const file = objectPath(root, sha)
  if ((await hashes.hash(file)) === sha) return utimes(file, new Date(), new Date())
  await writeAtomic(file, bytes, 0o444)
  await chmod(file, 0o444)
}

/** Removes a release's signed manifest (its root and signature; the parts are pruned by what names them). */
const removeManifest = async (root: string, id: string) => {
  await rm(manifestPath(root, id), { force: true })
  await rm(`${manifestPath(root, id).slice(0, -5)}.sig`, { force: true })
}

/** Points `current` at a staged release with one rename. */
export const switchCurrent = async (root: string, id: string) => {
  const tmp = path.join(root, `current.${String(process.pid)}.tmp`)
  await rm(tmp, { force: true })
  await symlink(path.join('releases', id), tmp, 'dir')
  await rename(tmp, path.join(root, 'current'))
}

/**
 * Removes all but the newest `keep` releases (never the live one; the sixth is kept for prepareNext to
 * recycle) with their manifests, then the manifest parts and pristine copies no kept release names and
 * nothing used in the last ten minutes (a release being staged meanwhile uses them before its manifest
 * names them). When a kept release's manifest cannot be read, nothing more is removed (better a full disk
 * later than a guard with nothing to restore from).
 */
export const pruneReleases = async (root: string, keep = 6) => {
  const unused = (file: string) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - UNUSED_MS
  const live = await liveId(root)
  const ids = (await readdir(releasesOf(root)).catch(() => [] as string[])).filter(isRelease).sort().reverse()
  for (const id of ids.slice(keep)) {
    if (id === live) continue
    await rm(path.join(releasesOf(root), id), { recursive: true, force: true })
    await removeManifest(root, id)
  }
  // The parts and copies are swept at most once in that time: what was used in it is kept anyway, and a
  // sweep reads every kept manifest and lists every copy (a second of work a publish at 10,000 documents).
  const swept = path.join(root, SWEPT)
  if ((statSync(swept, { throwIfNoEntry: false })?.mtimeMs ?? 0) > Date.now() - UNUSED_MS) return
  await writeFile(swept, '')
  const parts = new Set<string>()
  const objects = new Set<string>()
  for (const id of await readdir(releasesOf(root))) {
    if (!isRelease(id)) continue
    const signedRoot = JSON.parse(await readFile(manifestPath(root, id), 'utf8').catch(() => 'null')) as { parts?: string[] } | null
    if (!signedRoot?.parts) return
    for (const sha of signedRoot.parts) {
      if (parts.has(sha)) continue
      const part = await readFile(partPath(root, sha), 'utf8').catch(() => null)
      if (!part) return
      parts.add(sha)
      for (const [, file] of JSON.parse(part) as [string, string][]) objects.add(file)
    }
  }
  for (const name of await readdir(partsDir(root)).catch(() => [] as string[])) if (!parts.has(name.replace(/\.json$/, '')) && unused(path.join(partsDir(root), name))) await rm(path.join(partsDir(root), name), { force: true })
  for (const e of await readdir(path.join(root, 'objects'), { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (e.isFile() && !objects.has(e.name) && unused(path.join(e.parentPath, e.name))) await rm(path.join(e.parentPath, e.name), { force: true })
  }
}
