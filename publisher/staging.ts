/**
 * The next release's directory, made ahead of time. A release's unchanged files are hard links of the live
 * release's: at 10,000 documents some 22,000 links, seconds of system time that every publish paid before
 * it went live. Right after each switch the oldest release (the one the prune would delete) is turned into
 * a copy of the new live site at `.data/release-next/<live id>/site` (mirror.ts: only what changed since it
 * was live is touched; a low-priority `cp -al` when there is no old release); the next publish takes that
 * directory over with one rename, when it was made from the release still live, and then only touches the
 * files that change. Its files are the live release's inodes: they are replaced (removed, then written
 * anew) and never written into.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../cms/lib/paths.ts'
import { copyAsLinks, inWorker } from './files.ts'
import type { Change } from './mirror.ts'
import { MANIFEST, SITE } from './releases.ts'
import { toTrash } from './trash.ts'

const nextDir = () => path.join(dataDir, 'release-next')

/** The preparation this process started last, if any (a publish waits for it rather than linking itself). */
let making: { id: string; done: Promise<void> } | null = null

/**
 * Takes the site of an old release (one being pruned) out of the releases folder, for `prepareNext` to
 * turn into the next release's directory; the rest of it goes to the trash. Returns where it was put.
 */
export const setAsideForRecycling = async (releaseDir: string) => {
  await mkdir(nextDir(), { recursive: true })
  const spare = path.join(nextDir(), `.recycle-${path.basename(releaseDir)}`)
  await rename(path.join(releaseDir, SITE), spare)
  // Its manifest says what the directory holds (mirror.ts); without it the directory is listed instead.
  await rename(path.join(releaseDir, MANIFEST), manifestOf(spare)).catch(() => undefined)
  await toTrash(releaseDir)
  return spare
}

/** Where the manifest of a site set aside for recycling is kept beside it. */
const manifestOf = (spare: string) => `${spare}.json`

/**
 * Starts making the next release's directory from the release in `releaseDir` (just switched live): from
 * `recycled` (an old release's site set aside by the prune) when there is one — only what changed since
 * it was live is touched (mirror.ts; `changes`: the paths that changed since, when the caller knows them)
 * — else as a whole new tree of links.
 */
export const prepareNext = (releaseDir: string, recycled: string | null = null, changes: Change[] | null = null) => {
  const id = path.basename(releaseDir)
  const tmp = path.join(nextDir(), `.${id}.${String(process.pid)}.tmp`)
  const done = (async () => {
    await mkdir(nextDir(), { recursive: true })
    // Directories made from earlier releases are of no use any more (except the one to recycle).
    const keep = recycled ? [recycled, manifestOf(recycled)] : []
    for (const name of await readdir(nextDir())) if (!keep.includes(path.join(nextDir(), name))) await toTrash(path.join(nextDir(), name)).catch(() => undefined)
    await mkdir(tmp)
    if (recycled) {
      await rename(recycled, path.join(tmp, SITE))
      // mirror.ts in a worker thread: the publisher's own thread stays free for previews meanwhile. By the
      // list of what changed since the recycled release was live when the caller has it (parsing the two
      // manifests was seconds of CPU at 100,000 documents, beside the next publish), else by the two
      // releases' manifests, or by listing both trees when one is missing.
      const work = {
        from: path.join(releaseDir, SITE),
        to: path.join(tmp, SITE),
        fromManifest: path.join(releaseDir, MANIFEST),
        toManifest: manifestOf(recycled),
        ...(changes ? { changes } : {}),
      }
      await inWorker('./mirror-worker.ts', work, '同步下一版本的目录')
      await rm(manifestOf(recycled), { force: true })
    } else await copyAsLinks(path.join(releaseDir, SITE), path.join(tmp, SITE))
    await rename(tmp, path.join(nextDir(), id))
  })().catch(async (error: unknown) => {
    console.error(`预先准备下一版本的目录失败（下次发布将自行链接文件）：${String(error)}`)
    // Without it the next publish links what it reuses itself, as it always could.
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined)
  })
  making = { id, done }
  return done
}

/** Whether the next release's directory made from release `id` is ready. */
export const hasNext = async (id: string) => (await readdir(nextDir()).catch(() => [] as string[])).includes(id)

/**
 * Moves the directory made from release `liveId` to `outDir` (waiting for it when this process is still
 * making it). Returns false when there is none; the caller then starts from an empty directory.
 */
export const takeNext = async (liveId: string, outDir: string): Promise<boolean> => {
  if (making?.id === liveId) await making.done
  try {
    await rename(path.join(nextDir(), liveId), outDir)
    return true
  } catch {
    return false
  }
}
