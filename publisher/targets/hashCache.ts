/**
 * The hashes of a public machine's files, remembered by what each file's inode looked like when it was
 * hashed (device, inode, size, modification and change time, in nanoseconds). Writing a file, changing its
 * mode or adding a link to it changes its change time, which no one can set back by hand, so a file whose
 * key is unchanged still holds the bytes that were hashed. The receiver and the guard stay fast on a large
 * archive this way: they read only files that changed since they last looked, not every file every time.
 *
 * A release's unchanged files are hard links of the last one's, so removing an old release (or linking a
 * new one) changes the change time of nearly every live file too. The guard keeps the change time in its
 * key and so re-reads the site after each publish (in the background). The receiver, on the publish's
 * path, leaves it out (`{ changeTime: false }`): a live file edited in place is still caught by its size
 * or modification time; one edited and then given back its size and time on purpose is the guard's to
 * find (its file events, and its passes).
 */
import { lstatSync, type BigIntStats } from 'node:fs'

import { hashFile } from '../files.ts'

/** More keys than this (old inodes pile up release after release) and the cache starts over. */
const LIMIT = 2_000_000

export const hashCache = ({ changeTime = true } = {}) => {
  const keyOfStats = (s: BigIntStats) => (s.isFile() ? `${String(s.dev)}:${String(s.ino)}:${String(s.size)}:${String(s.mtimeNs)}${changeTime ? `:${String(s.ctimeNs)}` : ''}` : null)
  // One stat call, synchronous: cheaper than a promise, and the link sweep runs it tens of thousands of times.
  const keyOf = (file: string): string | null => {
    const s = lstatSync(file, { bigint: true, throwIfNoEntry: false })
    return s ? keyOfStats(s) : null
  }
  const known = new Map<string, string>()
  const remember = (key: string, sha: string) => {
    if (known.size >= LIMIT) known.clear()
    known.set(key, sha)
  }
  return {
    /** The SHA-256 of a regular file (null: missing, or not a regular file), read only when it changed. */
    async hash(file: string): Promise<string | null> {
      const key = keyOf(file)
      if (!key) return null
      const cached = known.get(key)
      if (cached) return cached
      const sha = await hashFile(file)
      // Changed while it was read: not remembered, so the next look reads it again.
      if (sha && keyOf(file) === key) remember(key, sha)
      return sha
    },
    /** Records that `file` holds `sha` as it is now (after linking a checked file: the link changed its key). */
    vouch(file: string, sha: string) {
      const key = keyOf(file)
      if (key) remember(key, sha)
    },
    /** The hash known for a file whose stats (lstat, bigint) were just taken, without reading it (null: not known). */
    knownStats(stats: BigIntStats): string | null {
      const key = keyOfStats(stats)
      return key ? (known.get(key) ?? null) : null
    },
    /** The hash known for a file as it is now, without reading it (null: not known). */
    knownSync(file: string): string | null {
      const key = keyOf(file)
      return key ? (known.get(key) ?? null) : null
    },
  }
}

export type HashCache = ReturnType<typeof hashCache>
