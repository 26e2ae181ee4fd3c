/**
 * queryWords (site/lib/phrase.ts) for the search page, answered by query-words-worker.ts so the segmenter
 * is never made on the page's thread. Where a worker cannot start or fails (an old browser, a blocked
 * script), the words are split here instead: the same function, only on the page's thread.
 */
import { queryWords } from '../lib/phrase.ts'

type Split = (texts: string[]) => Promise<string[][]>

/** Starts the worker (call it early: it makes the segmenter while the index downloads). */
export const queryWordsSplitter = (): Split => {
  let worker: Worker | null
  try {
    worker = new Worker(new URL('./query-words-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    worker = null
  }
  /** The batches sent and not yet answered, by id. */
  const waiting = new Map<number, { batch: string[]; answer: (words: string[][]) => void }>()
  let next = 0
  const onThisThread = () => {
    worker?.terminate()
    worker = null
    for (const { batch, answer } of waiting.values()) answer(batch.map(queryWords))
    waiting.clear()
  }
  if (worker) {
    worker.onmessage = (event: MessageEvent<{ id: number; words: string[][] }>) => {
      waiting.get(event.data.id)?.answer(event.data.words)
      waiting.delete(event.data.id)
    }
    worker.onerror = onThisThread
  }
  /** The last batch asked for and its answer: the page asks for its opening query's words early and again when it searches. */
  let last: { key: string; words: Promise<string[][]> } | null = null
  return (batch) => {
    const key = JSON.stringify(batch)
    if (last?.key === key) return last.words
    const id = next++
    const words: Promise<string[][]> = worker
      ? new Promise((answer) => {
          waiting.set(id, { batch, answer })
          worker!.postMessage({ id, texts: batch })
        })
      : Promise.resolve(batch.map(queryWords))
    last = { key, words }
    return words
  }
}
