/**
 * Runs mirror.ts in a worker thread (publisher/staging.ts): by the list of what changed when the publisher
 * has it, else by the two manifests when both can be read, else by listing both trees.
 */
import { parentPort, workerData } from 'node:worker_threads'

import { type Change, manifestFiles, mirrorByManifest, mirrorChanges, mirrorSync } from './mirror.ts'

const { from, to, fromManifest, toManifest, changes } = workerData as { from: string; to: string; fromManifest?: string; toManifest?: string; changes?: Change[] }
try {
  const fromFiles = !changes && fromManifest ? manifestFiles(fromManifest) : null
  const toFiles = fromFiles && toManifest ? manifestFiles(toManifest) : null
  if (changes) mirrorChanges(from, to, changes)
  else if (fromFiles && toFiles) mirrorByManifest(from, to, fromFiles, toFiles)
  else mirrorSync(from, to)
  parentPort!.postMessage({})
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
