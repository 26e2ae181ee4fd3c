/**
 * A release's snapshot on disk, one JSON object a line: first everything but the documents, then one line
 * per document. A document's line is serialised once per entry object: the long-lived publisher carries
 * an unchanged document's object from release to release, so saving the snapshot after each publish
 * costs what changed, not the archive (one JSON.stringify of the whole snapshot was 84 MB of CPU work per
 * publish at 10,000 documents, competing with the pushes to the public targets, and would not fit in one
 * string at 100,000). Read back line by line for the same reason.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

import type { Slug } from '../site/lib/load.ts'
import { emptySnapshot, type Snapshot, type StoredDoc } from './snapshot.ts'

const lineOf = new WeakMap<StoredDoc, string>()
const docLine = (doc: StoredDoc) => {
  let known = lineOf.get(doc)
  if (known === undefined) lineOf.set(doc, (known = JSON.stringify(doc)))
  return known
}

/** Writes `snapshot` to `file` whole or not at all (a temporary file renamed into place). */
export const writeSnapshot = async (file: string, snapshot: Snapshot) => {
  const tmp = `${file}.tmp`
  const out = createWriteStream(tmp)
  try {
    const { docs, ...rest } = snapshot
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain')
    }
    await write(JSON.stringify(rest))
    for (const [slug, byId] of Object.entries(docs)) {
      for (const [id, doc] of Object.entries(byId)) await write(`{"c":${JSON.stringify(slug)},"id":${JSON.stringify(id)},"d":${docLine(doc)}}`)
    }
    out.end()
    await once(out, 'finish')
    await rename(tmp, file)
  } catch (error) {
    out.destroy()
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
