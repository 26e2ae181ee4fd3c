/**
 * A worker thread that indexes one search partition. Pagefind's indexer handles one index at a time per
 * process, so partitions are indexed in parallel by one worker (one Pagefind process) per CPU core. Before
 * writing, it asks its parent for the write turn (see indexInWorker) and answers once its Pagefind process
 * has exited.
 */
import { parentPort, workerData } from 'node:worker_threads'

import { closeIndexer, writePartition } from './search-index.ts'

const { outDir, pages } = workerData as { outDir: string; pages: [string, string][] }
const writeTurn = () =>
  new Promise<void>((resolve) => {
    parentPort!.once('message', () => resolve())
    parentPort!.postMessage({ write: true })
  })
let reply: { fragments: [string, string][] } | { error: string }
try {
  reply = { fragments: [...(await writePartition(outDir, new Map(pages), writeTurn))] }
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) }
}
await closeIndexer()
parentPort!.postMessage(reply)
