/**
 * Phrase-aware ranking, from what Pagefind returns with each result before its fragment is fetched: the
 * positions of the page's words that matched the query. Government text repeats the same words everywhere
 * (加强、推进、机制、发展), so Pagefind's term statistics alone rank a page that merely shares a clause's
 * words as high as the one page that contains the clause. Index and query are split into words by the
 * same segmenter (site/lib/segment.ts), so the clause's words sit at consecutive positions on that page.
 */
import { splitWords } from './segment.ts'

/**
 * Ranks of a result: the document a 文号 (or a part of one, 23号) names, by the word its page holds for it;
 * the query as a contiguous phrase, most of it, or only its words.
 */
export const NUMBER_NAMED = 3
export const PHRASE = 2
export const MOST_OF_PHRASE = 1
export const WORDS_ONLY = 0

/** The longest run of consecutive positions in an ascending list (Pagefind's `words`). */
export const longestRun = (positions: readonly number[]): number => {
  let best = positions.length ? 1 : 0
  let run = 1
  for (let i = 1; i < positions.length; i++) {
    run = positions[i] === positions[i - 1]! + 1 ? run + 1 : positions[i] === positions[i - 1] ? run : 1
    best = Math.max(best, run)
  }
  return best
}

/**
 * A result's rank for a query of `count` words from its matched positions: PHRASE when the longest run of
 * consecutive matches is as long as the query, MOST_OF_PHRASE when it covers at least two thirds of a
 * query of three or more words (a clause copied with a word more or less than the page has). The run
 * cannot tell the order of the words; a page with the query's words adjacent in another order is rare.
 */
export const phraseRank = (positions: readonly number[], count: number): number => {
  if (count < 2) return WORDS_ONLY
  const run = longestRun(positions)
  if (run >= count) return PHRASE
  return count >= 3 && run >= Math.ceil((count * 2) / 3) ? MOST_OF_PHRASE : WORDS_ONLY
}

/** The punctuation Pagefind drops from a query (all but connectors such as _). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu

/** The words of a query as Pagefind searches for them: split as the index was, punctuation dropped. */
export const queryWords = (query: string): string[] =>
  splitWords(query)
    .split(/\s+/)
    .map((w) => w.replace(PUNCTUATION, ''))
    .filter(Boolean)

/** Quotation marks a reader may wrap a phrase in: ASCII, Chinese full-width, and corner brackets. */
const QUOTED = /^\s*["“”„「『'‘](.+?)["“”」』'’]\s*$/u

/** The phrase inside a query wrapped in quotation marks, or null. */
export const quotedPhrase = (query: string): string | null => QUOTED.exec(query)?.[1]?.trim() || null
