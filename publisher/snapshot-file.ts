/**
 * A release's snapshot on disk, one JSON object a line: first everything but the documents, then one line
 * per document (one JSON.stringify of the whole snapshot would not fit in one string at 100,000 documents).
 * Read back line by line for the same reason. A long-lived publisher saves it only once it has been idle
 * a while (release.ts), so every document is serialised at each save: lines kept per document object, as
 * they once were, held a second copy of the archive in memory (~600 MB at 100,000 documents).
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { setImmediate as nextTurn } from 'node:timers/promises'

import type { Slug } from '../site/lib/load.ts'
import { emptySnapshot, type Snapshot, type StoredDoc } from './snapshot.ts'

/** Documents written at a time, between which other work of the process runs. */
const BATCH = 500

/**
 * Writes `snapshot` to `file` whole or not at all (a temporary file renamed into place). Strings are
 * written as they are (writeSync converts them outside the JavaScript heap): buffers of the 844 MB that
 * 100,000 documents take each counted as external memory and started a full garbage collection of the
 * publisher's heap every 64 MB.
 */
export const writeSnapshot = async (file: string, snapshot: Snapshot) => {
  const tmp = `${file}.tmp`
  const fd = openSync(tmp, 'w')
  try {
    const { docs, ...rest } = snapshot
    writeSync(fd, `${JSON.stringify(rest)}\n`)
    let lines: string[] = []
    const flush = async () => {
      writeSync(fd, lines.join(''))
      lines = []
      await nextTurn()
    }
    for (const [slug, byId] of Object.entries(docs)) {
      for (const [id, doc] of Object.entries(byId)) {
        lines.push(`{"c":${JSON.stringify(slug)},"id":${JSON.stringify(id)},"d":${JSON.stringify(doc)}}\n`)
        if (lines.length >= BATCH) await flush()
      }
    }
    await flush()
    closeSync(fd)
    await rename(tmp, file)
  } catch (error) {
    try {
      closeSync(fd)
    } catch {
      // Closed already.
    }
    await rm(tmp, { force: true })
    throw error
  }
}

/** The snapshot in `file`, or null when there is none or it is incomplete or unreadable (then everything is read afresh). */
export const readSnapshot = async (file: string): Promise<Snapshot | null> => {
  try {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
    let snapshot: Snapshot | null = null
    for await (const line of lines) {
      if (!snapshot) {
        snapshot = { ...(JSON.parse(line) as Omit<Snapshot, 'docs'>), docs: emptySnapshot().docs }
        continue
      }
      const { c, id, d } = JSON.parse(line) as { c: Slug; id: string; d: StoredDoc }
      const byId = snapshot.docs[c]
      if (byId) byId[id] = d
    }
    return snapshot
  } catch {
    return null
  }
}
