/**
 * The next release's directory, made ahead of time. A release's unchanged files are hard links of the live
 * release's: at 10,000 documents some 22,000 links, seconds of system time that every publish paid before
 * it went live. Right after each switch a low-priority `cp -al` (GNU coreutils) links the new live site into
 * `.data/release-next/<live id>/site`; the next publish takes that directory over with one rename, when it
 * was made from the release still live, and then only touches the files that change. Its files are the live
 * release's inodes: they are replaced (removed, then written anew) and never written into.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../cms/lib/paths.ts'
import { copyAsLinks } from './files.ts'
import { SITE } from './releases.ts'
import { toTrash } from './trash.ts'

const nextDir = () => path.join(dataDir, 'release-next')

/** The preparation this process started last, if any (a publish waits for it rather than linking itself). */
let making: { id: string; done: Promise<void> } | null = null

/** Starts making the next release's directory from the release in `releaseDir` (just switched live). */
export const prepareNext = (releaseDir: string) => {
  const id = path.basename(releaseDir)
  const tmp = path.join(nextDir(), `.${id}.${String(process.pid)}.tmp`)
  const done = (async () => {
    await mkdir(nextDir(), { recursive: true })
    // Directories made from earlier releases are of no use any more.
    for (const name of await readdir(nextDir())) await toTrash(path.join(nextDir(), name)).catch(() => undefined)
    await mkdir(tmp)
    await copyAsLinks(path.join(releaseDir, SITE), path.join(tmp, SITE))
    await rename(tmp, path.join(nextDir(), id))
  })().catch(async () => {
    // Without it the next publish links what it reuses itself, as it always could.
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined)
  })
  making = { id, done }
  return done
}

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
