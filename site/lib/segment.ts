/**
 * Chinese word segmentation shared by the search index and the search page, so both split text into the
 * same words. Pagefind segments Chinese itself, but with two different segmenters: its indexer uses
 * charabia (jieba's dictionary) and its browser script the browser's `Intl.Segmenter` (ICU's dictionary).
 * They disagree on many words (门前三包: 门前|三包 in the index, 门前|三|包 in a query), so a query could
 * miss words the index holds and fetch index chunks of words it never needed. The index is therefore
 * built from text already split here, under a language Pagefind does not segment (INDEX_LANGUAGE), and
 * the search page splits queries here too: ICU on both sides (Node's and the browser's). A clause between
 * two punctuation marks is segmented the same wherever it occurs, since ICU segments each run of Han
 * characters on its own.
 */

/**
 * The language the index is written under: Mandarin Chinese (ISO 639-3), which Pagefind neither stems nor
 * segments (it segments "zh", "ja" and "th" only), so the words are exactly the ones given here.
 */
export const INDEX_LANGUAGE = 'cmn'

/**
 * The segmenter, made when first used: making one loads ICU's dictionary (~20 ms on this machine's CPU,
 * ~160 ms on the phone Lighthouse emulates), which the search page does in a worker
 * (site/scripts/query-words-worker.ts) rather than on its own thread.
 */
let made: Intl.Segmenter | null | undefined
export const wordSegmenter = (): Intl.Segmenter | null => (made ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null)

/** Han ideographs and the punctuation used with them (CJK symbols, full-width forms). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u
const HAN = /\p{Script=Han}/u

/**
 * `text` with a space around each Chinese word. Everything else is left as it is: Pagefind splits other
 * text at spaces and punctuation itself, the same way in the index and in a query. Without
 * `Intl.Segmenter` (old browsers) each Han character is a word of its own: Pagefind matches query words
 * as prefixes of index words, so a query split that way still finds every document with its characters.
 */
export const splitWords = (text: string, separator = ' '): string => {
  let out = ''
  // Segments are read as they come (no array of segment objects: this runs over every indexed page).
  const segmenter = wordSegmenter()
  if (segmenter) for (const { segment } of segmenter.segment(text)) out += HAN.test(segment) ? separator + segment + separator : segment
  else for (const char of text) out += HAN.test(char) ? separator + char + separator : char
  return out.replace(new RegExp(`${separator}{2,}`, 'g'), separator)
}

/**
 * The words of `text` — Chinese words as splitWords puts spaces around them, numbers, Latin words — each
 * with its offset.
 */
export function* wordsOf(text: string): Generator<{ word: string; at: number }> {
  const segmenter = wordSegmenter()
  if (segmenter) {
    for (const { segment, index, isWordLike } of segmenter.segment(text)) if (isWordLike) yield { word: segment, at: index }
  } else for (const m of text.matchAll(/\p{Script=Han}|[\p{L}\p{N}]+/gu)) yield { word: m[0], at: m.index }
}

/**
 * What separates the words of a page's title in the index (publisher/search-index.ts): a hair space,
 * which Pagefind splits metadata at like any space, and which the search page takes out again without
 * touching the spaces the title has (门头沟区创建全国文明城市工作快报 第673期).
 */
export const TITLE_WORD_SEPARATOR = '\u200a'

/**
 * Text that went through splitWords (as Pagefind returns it in excerpts) with the inserted spaces taken
 * out again: a space next to a Chinese character or punctuation is dropped, one between Latin words or
 * numbers is kept. A space the text itself had beside a Chinese character goes too (Pagefind returns
 * every space alike); Chinese text rarely has one. `<mark>` tags around hits are looked through.
 */
export const joinWords = (text: string): string =>
  text.replace(/(\S)((?:<\/?mark>)*) +((?:<\/?mark>)*)(?=(\S))/gu, (whole, before: string, open: string, close: string, after: string) =>
    CJK.test(before) || CJK.test(after) ? `${before}${open}${close}` : whole,
  )
