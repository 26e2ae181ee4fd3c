/**
 * Search partitions are kept once, outside the releases: Pagefind writes each into its own folder of
 * `.data/search-index/` (`<partition>.<unique>`, never written again), and a release's
 * `site/pagefind/<partition>` is a symbolic link to it. A release that reuses a partition makes one link
 * instead of hard-linking its files (13,000 of them at 10,000 documents). Static servers follow the
 * links (sirv, and nginx unless `disable_symlinks` is on). Folders no kept release links to are removed
 * when releases are pruned.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readlink, symlink } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../cms/lib/paths.ts'

export const searchStoreDir = () => path.join(dataDir, 'search-index')

/** A new, empty place in the store for partition `dir`. */
export const newStoredPartition = (dir: string) => path.join(searchStoreDir(), `${dir}.${Date.now().toString(36)}${randomBytes(3).toString('hex')}`)

/** Makes `site/pagefind/<dir>` of a release link to `stored` (a relative link: `.data` may move). */
export const linkStoredPartition = async (siteDir: string, dir: string, stored: string) => {
  const folder = path.join(siteDir, 'pagefind')
  await mkdir(folder, { recursive: true })
  await symlink(path.relative(folder, stored), path.join(folder, dir), 'dir')
}

/** Where a release's partition `dir` lives in the store, or null when the release holds it itself. */
export const storedPartition = async (siteDir: string, dir: string): Promise<string | null> => {
  const folder = path.join(siteDir, 'pagefind')
  const target = await readlink(path.join(folder, dir)).catch(() => null)
  return target ? path.resolve(folder, target) : null
}

/** Hands the store's folders that none of `siteDirs` links to to `discard` (trash.ts). */
export const moveUnusedPartitions = async (siteDirs: string[], discard: (folder: string) => Promise<void>) => {
  const store = searchStoreDir()
  if (!existsSync(store)) return
  const used = new Set<string>()
  for (const siteDir of siteDirs) {
    const entries = await readdir(path.join(siteDir, 'pagefind'), { withFileTypes: true }).catch(() => [])
    for (const entry of entries) if (entry.isSymbolicLink()) used.add((await storedPartition(siteDir, entry.name))!)
  }
  for (const name of await readdir(store)) {
    const folder = path.join(store, name)
    if (!used.has(folder)) await discard(folder)
  }
}
