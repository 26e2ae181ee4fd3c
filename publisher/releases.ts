/**
 * Where releases live and which one is live: the small part of the publisher that the CMS process itself
 * uses (the publish targets' loop, the rollback endpoint) without loading the renderer and the indexer.
 */
import { existsSync } from 'node:fs'
import { lstat, readdir, readlink, rename, rm, symlink } from 'node:fs/promises'
import path from 'node:path'

import { dataDir, rootDir } from '../cms/lib/paths.ts'
import { withPublishLock } from './lock.ts'
import { writeBuildState } from './state.ts'

export const releasesDir = () => path.join(dataDir, 'releases')
export const distLink = () => process.env.SITE_DIST ?? path.join(rootDir, 'dist')
export const SITE = 'site'
export const MANIFEST = 'release.json'

/** Completed releases, newest first. */
export const listReleases = async (): Promise<string[]> => {
  const dir = releasesDir()
  if (!existsSync(dir)) return []
  return (await readdir(dir)).filter((n) => existsSync(path.join(dir, n, MANIFEST))).sort().reverse()
}

export const liveRelease = async (): Promise<string | null> => {
  const target = await readlink(distLink()).catch(() => null)
  return target ? path.basename(path.dirname(target)) : null
}

/** Points `dist` at a release with a single rename (readers see the old or the new release, never neither). */
export const switchTo = async (releaseDir: string) => {
  const linkPath = distLink()
  const tmp = `${linkPath}.switch-${String(process.pid)}`
  await rm(tmp, { force: true })
  await symlink(path.join(releaseDir, SITE), tmp, 'dir')
  const existing = await lstat(linkPath).catch(() => null)
  if (existing && !existing.isSymbolicLink()) await rm(linkPath, { recursive: true, force: true })
  await rename(tmp, linkPath)
  await writeBuildState({ current: path.basename(releaseDir) })
}

/** Switches `dist` back to the release before the live one. */
export const rollback = async (): Promise<string> =>
  withPublishLock(async () => {
    const releases = await listReleases()
    const live = await liveRelease()
    const index = live ? releases.indexOf(live) : -1
    const previous = releases[index + 1]
    if (!previous) throw new Error('没有可以回退的上一个版本')
    await switchTo(path.join(releasesDir(), previous))
    return previous
  })
