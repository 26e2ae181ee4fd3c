/** Runs mirror.ts in a worker thread (publisher/staging.ts). */
import { parentPort, workerData } from 'node:worker_threads'

import { mirrorSync } from './mirror.ts'

const { from, to } = workerData as { from: string; to: string }
try {
  mirrorSync(from, to)
  parentPort!.postMessage({})
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
