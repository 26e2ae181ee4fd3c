/**
 * The search page's word segmenter, in a worker of its own. Making an `Intl.Segmenter` loads ICU's
 * dictionary: ~40 ms on this machine's CPU, ~160 ms on the phone Lighthouse emulates — on the page's own
 * thread the longest task before the first results, blocking input. Here it is made as the worker starts,
 * while the page downloads the index, and each query's words are split off the page's thread.
 */
import { queryWords } from '../lib/phrase.ts'
import { wordSegmenter } from '../lib/segment.ts'

wordSegmenter()

self.onmessage = (event: MessageEvent<{ id: number; texts: string[] }>) => {
  self.postMessage({ id: event.data.id, words: event.data.texts.map(queryWords) })
}
