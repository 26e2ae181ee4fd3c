/**
 * Pagefind's browser script (`pagefind.js`, written with each partition's index) with one change: how
 * often it looks whether an instance has started.
 *
 * A search asked of an instance that is still starting (its entry, metadata and WebAssembly loading)
 * waits for it by polling every 50 ms (`getPtr`; `mergeIndex` likewise for the WebAssembly). The search
 * page creates an instance for each partition it consults and searches it at once, with every file
 * already downloaded, so each instance waited most of a whole 50 ms for work that takes a few: a first
 * search consults two or three (the newest partition, the delta, the year a 文号 names), and 100–200 ms of
 * its ~300 ms went to these waits (100,000-document bench). Polled every millisecond, the wait ends when
 * the instance is ready. Only the interval changes; the search behaves the same.
 */
const POLL = 'await asyncSleep(50)'
const PROMPT_POLL = 'await asyncSleep(1)'

/** `script` with its start-up polls every millisecond; the same text where it has none (another Pagefind version). */
export const withPromptStart = (script: string): string => script.replaceAll(POLL, PROMPT_POLL)
