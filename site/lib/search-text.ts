/**
 * The one form in which the search index holds words and the search page looks them up, so that what
 * people type in other ways still meets what pages say in theirs:
 * - traditional characters as simplified ones (a clause pasted from a Hong Kong or Taiwan source, an
 *   archive's early reports printed in traditional characters), with OpenCC's traditional-to-simplified
 *   tables (`opencc-js`, its phrases first, so 乾隆 stays 乾隆);
 * - full-width digits and Latin letters as ASCII ones (２０１９ → 2019);
 * - years and dates written in Chinese numerals as digits (二〇一九年 → 2019年, 七月五日 → 7月5日).
 * Every change keeps the text's length, character for character, so the words split from the normalised
 * text sit where the page's own words are: the index shows excerpts in the page's own characters
 * (publisher/search-index.ts). A date whose digits would be fewer than its numerals (二十五日 → 25日) is left
 * as written in pages; the search page converts it in queries whatever the length (queryText).
 */
import { ConverterFactory } from 'opencc-js/core'
import TSCharacters from 'opencc-js/dict/TSCharacters'
import TSPhrases from 'opencc-js/dict/TSPhrases'

/** OpenCC's converter, built when first needed (building its tables is most of its cost, and most text needs none). */
let converter: ((text: string) => string) | null = null
const toSimplifiedChars = (text: string) => (converter ??= ConverterFactory([TSPhrases, TSCharacters]))(text)

/**
 * Whether text has anything to convert: a traditional character, or one of the phrases the tables change
 * that has none (反覆 → 反复). One test of a character class and one of the phrases: 54 ms over the
 * archive's 1.1 million characters, where converting every paragraph took longer. Both are made when
 * first needed, and from the tables' text without splitting it into entries: on the search page they were
 * most of the script's start (~150 ms at a phone's speed, one long task before the first search).
 */
let tests: { char: RegExp; phrase: RegExp } | null = null
const traditionalTests = () => {
  if (tests) return tests
  // TSCharacters reads "萬 万|與 与|…": each entry's first code point is a traditional character.
  const char = new RegExp(`[${TSCharacters.replace(/ [^|]*\|?/g, '').replace(/[\\\]^-]/g, '\\$&')}]`, 'u')
  const phrases = TSPhrases.split('|').map((entry) => entry.split(' ') as [string, string])
  const phrase = new RegExp(
    phrases
      .filter(([from, to]) => from !== to && !char.test(from))
      .map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'u',
  )
  return (tests = { char, phrase })
}
const mayBeTraditional = (text: string) => {
  const { char, phrase } = traditionalTests()
  return char.test(text) || phrase.test(text)
}

/** Traditional characters as simplified ones, each code point in its place (one that would change length is kept). */
export const toSimplified = (text: string): string => {
  if (!mayBeTraditional(text)) return text
  const whole = toSimplifiedChars(text)
  if (whole.length === text.length) return whole
  // A phrase whose simplified form is shorter (rare): convert character by character instead.
  let out = ''
  for (const char of text) {
    const one = toSimplifiedChars(char)
    out += one.length === char.length ? one : char
  }
  return out
}

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g
const NUMERAL_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }
/** A year written digit by digit: before 年 (二〇一九年, 一九五四年), or alone when it has a 〇 (二〇一九). */
const NUMERAL_YEAR = /(?<![〇零一二三四五六七八九])(?:[〇零一二三四五六七八九]{4}(?=年)|(?=[一二三四五六七八九]{0,3}[〇零])[〇零一二三四五六七八九]{4}(?![〇零一二三四五六七八九]))/g
/** A month or day in Chinese numerals, after a year or month (…年七月五日, …月三十日). */
const NUMERAL_MONTH_DAY = /(?<=[年月\d])([一二三四五六七八九十]{1,3})(?=[月日])/g

/** A month's or day's number written in Chinese numerals (一 … 三十一), or null. */
const numeralValue = (numerals: string): number | null => {
  const m = /^([二三])?(十)?([一二三四五六七八九])?$/.exec(numerals)
  if (!m || numerals === '') return null
  const [, tens, ten, ones] = m
  if (tens && !ten) return null
  const value = (ten ? (tens ? Number(NUMERAL_DIGIT[tens]) : 1) * 10 : 0) + (ones ? Number(NUMERAL_DIGIT[ones]) : 0)
  return value >= 1 && value <= 31 ? value : null
}

/** `text` in the index's form (see above), the same length as `text`. */
export const searchText = (text: string): string =>
  toSimplified(text)
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(NUMERAL_YEAR, (year) => [...year].map((c) => NUMERAL_DIGIT[c]).join(''))
    .replace(NUMERAL_MONTH_DAY, (numerals) => {
      const value = numeralValue(numerals)
      return value !== null && String(value).length === numerals.length ? String(value) : numerals
    })

/** A query in the index's form: as searchText, and every month and day in digits whatever their length. */
export const queryText = (query: string): string =>
  searchText(query).replace(NUMERAL_MONTH_DAY, (numerals) => String(numeralValue(numerals) ?? numerals))
