/**
 * Turns an old release's directory into a copy of the live one, made of hard links of the live one's
 * files, touching only what differs. A publish used to link a whole new tree (`cp -al`: at 10,000
 * documents 22,000 links) and delete the oldest release's (22,000 unlinks): seconds of system time per
 * release on every machine, growing with the archive. Recycling the release that would be deleted costs
 * what changed since it was live: a file is kept when it is the live file itself (the same inode, a hard
 * link), so nothing in the old directory is trusted by name, content or time; every other file there is
 * removed, and the live file linked in its place. Symbolic links are kept when they point the same way.
 */
import { type BigIntStats, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs'
import path from 'node:path'

import { inSearchFolder } from './files.ts'

type Entry = { ino: bigint; stats: BigIntStats } | { link: string }

/** Every file and symbolic link under `dir` (relative path → inode or link target), and every folder; links are not followed. */
export const listTree = (dir: string) => {
  const entries = new Map<string, Entry>()
  const folders: string[] = []
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name
      const full = path.join(dir, child)
      if (e.isDirectory()) {
        folders.push(child)
        walk(child)
      } else if (e.isSymbolicLink()) entries.set(child, { link: readlinkSync(full) })
      else {
        const stats = lstatSync(full, { bigint: true })
        entries.set(child, { ino: stats.ino, stats })
      }
    }
  }
  walk('')
  return { entries, folders }
}

const same = (a: Entry, b: Entry | undefined) =>
  b !== undefined && ('ino' in a ? 'ino' in b && a.ino === b.ino : 'link' in b && a.link === b.link)

/** Makes `to` hold exactly what `from` holds, as hard links of `from`'s files. Returns how many entries changed. */
export const mirrorSync = (from: string, to: string): { linked: number; removed: number } => {
  const source = listTree(from)
  const target = listTree(to)
  let removed = 0
  let linked = 0
  for (const [rel, entry] of target.entries) {
    if (same(entry, source.entries.get(rel))) continue
    unlinkSync(path.join(to, rel))
    target.entries.delete(rel)
    removed++
  }
  // Folders no longer in the live tree, deepest first (each is empty by now unless something odd is in it).
  const folders = new Set(source.folders)
  for (const rel of target.folders.sort().reverse()) {
    if (folders.has(rel)) continue
    try {
      rmdirSync(path.join(to, rel))
    } catch {
      // Not empty (something that is neither a file nor a link): left for the caller's checks to find.
    }
  }
  const made = new Set<string>()
  for (const [rel, entry] of source.entries) {
    if (target.entries.has(rel)) continue
    const dir = path.dirname(path.join(to, rel))
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    if ('ino' in entry) linkSync(path.join(from, rel), path.join(to, rel))
    else symlinkSync(entry.link, path.join(to, rel))
    linked++
  }
  return { linked, removed }
}

/**
 * The same from the two releases' manifests (path → SHA-256 of every file) instead of listing both trees:
 * a path is touched only when its content differs, so the cost is what changed, not the archive (listing
 * both trees of 330,000 files took 20 s a publish at 100,000 documents, and the next publish waited for
 * it). A release's directory is exactly its manifest — the publisher writes every file it records and
 * removes every one it does not — and nothing else writes into release directories (each file is replaced,
 * never written into), so the old release's manifest says what its directory holds. A file of equal
 * content is kept even when it is not the live file's inode: only its content is served or pushed. The
 * search folder is left out: each release makes its own.
 */
export const mirrorByManifest = (from: string, to: string, fromFiles: Record<string, string>, toFiles: Record<string, string>): { linked: number; removed: number } => {
  const changes: Change[] = []
  for (const rel in toFiles) if (fromFiles[rel] !== toFiles[rel]) changes.push({ rel, present: rel in fromFiles })
  for (const rel in fromFiles) if (!(rel in toFiles)) changes.push({ rel, present: true })
  return mirrorChanges(from, to, changes)
}

/** A path that may differ between the two directories, and whether the live one has it. */
export interface Change {
  rel: string
  present: boolean
}

/**
 * The same from a list of the paths that may differ (the publisher's record of what each release changed,
 * publisher/release.ts): each is removed from `to` and linked again from `from` when `from` has it. The
 * search folder is left out, as above.
 */
export const mirrorChanges = (from: string, to: string, changes: Change[]): { linked: number; removed: number } => {
  let removed = 0
  let linked = 0
  const emptied = new Set<string>()
  for (const { rel, present } of changes) {
    if (inSearchFolder(rel)) continue
    try {
      unlinkSync(path.join(to, rel))
      removed++
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (!present) emptied.add(path.dirname(rel))
  }
  // Folders a removed page leaves empty, deepest first.
  for (const folder of [...emptied].sort().reverse()) {
    for (let f = folder; f !== '.'; f = path.dirname(f)) {
      try {
        rmdirSync(path.join(to, f))
      } catch {
        break
      }
    }
  }
  const made = new Set<string>()
  for (const { rel, present } of changes) {
    if (!present || inSearchFolder(rel)) continue
    const dir = path.dirname(path.join(to, rel))
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    linkSync(path.join(from, rel), path.join(to, rel))
    linked++
  }
  return { linked, removed }
}

/** A release manifest's file list, or null when it cannot be read. */
export const manifestFiles = (file: string): Record<string, string> | null => {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, string> }).files
  } catch {
    return null
  }
}

/** How many entries other than folders are under `dir` (links counted, not followed; nothing is stat'ed). */
export const countEntries = (dir: string): number => {
  let count = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) count += e.isDirectory() ? countEntries(path.join(dir, e.name)) : 1
  return count
}
