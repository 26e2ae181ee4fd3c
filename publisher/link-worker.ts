/**
 * A worker thread that hard-links files of the live release into the release being written. At 10,000
 * documents a release reuses ~45,000 files; linked one promise at a time from the publisher's thread,
 * their callbacks competed with rendering. Here they are plain system calls on another core.
 */
import { linkSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

const { from, to, rels } = workerData as { from: string; to: string; rels: string[] }
try {
  const made = new Set<string>()
  for (const rel of rels) {
    const target = path.join(to, rel)
    const dir = path.dirname(target)
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    linkSync(path.join(from, rel), target)
  }
  parentPort!.postMessage({})
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
