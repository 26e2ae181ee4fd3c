/**
 * A worker thread that indexes one search partition. Pagefind's indexer handles one index at a time per
 * process, so partitions are indexed in parallel by one worker (one Pagefind process) per CPU core.
 */
import { parentPort, workerData } from 'node:worker_threads'

import { closeIndexer, writePartition } from './search-index.ts'

const { outDir, pages } = workerData as { outDir: string; pages: [string, string][] }
try {
  const fragments = await writePartition(outDir, new Map(pages))
  parentPort!.postMessage({ fragments: [...fragments] })
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
} finally {
  await closeIndexer()
}
