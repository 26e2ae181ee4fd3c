/** Runs mirror.ts in a worker thread (publisher/staging.ts): by the two manifests when both can be read. */
import { parentPort, workerData } from 'node:worker_threads'

import { manifestFiles, mirrorByManifest, mirrorSync } from './mirror.ts'

const { from, to, fromManifest, toManifest } = workerData as { from: string; to: string; fromManifest?: string; toManifest?: string }
try {
  const fromFiles = fromManifest ? manifestFiles(fromManifest) : null
  const toFiles = fromFiles && toManifest ? manifestFiles(toManifest) : null
  if (fromFiles && toFiles) mirrorByManifest(from, to, fromFiles, toFiles)
  else mirrorSync(from, to)
  parentPort!.postMessage({})
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
