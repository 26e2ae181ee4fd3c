/**
 * Canonical form of a Chinese official document number (文号), as GB/T 9704 prints it:
 * the year in hexagonal brackets 〔〕 and the serial number followed by 号.
 * Editors and citizens type `门常发[2021]23号`, `门常发(2021)23号`, `门常发（2021）23号` or
 * `门常发2021年23号`; all of them mean `门常发〔2021〕23号`.
 */
export const normalizeDocNumber = (input: string): string => {
  const text = input.normalize('NFKC').replace(/\s+/g, '')
  const match = /^(.*?)[〔[(【{<]?((?:19|20)\d{2})(?:[〕\])】}>]|年)第?(\d+)号?$/u.exec(text)
  if (!match) return text
  const [, prefix = '', year = '', serial = ''] = match
  return `${prefix}〔${year}〕${Number(serial)}号`
}

/** Whether a string looks like a document number (issuer prefix, year, serial). */
export const looksLikeDocNumber = (input: string): boolean =>
  /^[\p{Script=Han}A-Za-z]+〔(?:19|20)\d{2}〕\d+号$/u.test(normalizeDocNumber(input))

/**
 * A document number as one ASCII word (`wh`, then each character's code point in base 36, four digits
 * each). The search index stores it beside every page that cites the number, and a search for a number
 * looks up this one word: Pagefind would otherwise split 门常发〔2021〕23号 into six terms, single
 * characters among them that nearly every page contains, and load their large index chunks.
 */
export const docNumberToken = (docNumber: string): string =>
  `wh${[...normalizeDocNumber(docNumber)].map((c) => c.codePointAt(0)!.toString(36).padStart(4, '0')).join('')}`

const TOKEN = String.raw`\bwh(?:[0-9a-z]{4})+\b`
const MARKED_TOKEN = `(?:<mark>)?${TOKEN}(?:</mark>)?`
/** A run of docNumberTokens (a page holds one for its number and each part of it, one for each ending of a cited number's issuer). */
const TOKEN_RUN = new RegExp(`${MARKED_TOKEN}(?:[\\s.]*${MARKED_TOKEN})*`, 'g')
const numberOf = (token: string) => String.fromCodePoint(...(token.slice(2).match(/.{4}/g) ?? []).map((c) => parseInt(c, 36)))

/**
 * An excerpt (Pagefind's, with <mark> around hits) with each run of docNumberTokens written out as the
 * longest number it stands for — the whole 文号 — marked when any of them was.
 */
export const withDocNumbersWritten = (excerpt: string): string =>
  excerpt.replace(TOKEN_RUN, (run) => {
    const numbers = [...run.matchAll(new RegExp(TOKEN, 'g'))].map((m) => numberOf(m[0]))
    const longest = numbers.reduce((a, b) => (b.length > a.length ? b : a), '')
    return run.includes('<mark>') ? `<mark>${longest}</mark>` : longest
  })

/**
 * The parts of a document number a reader may type on their own, each as its page indexes it
 * (publisher/search-index.ts): the year and serial (〔2021〕23号), the issuer and serial (门常发23号), the
 * serial (23号).
 */
export const docNumberParts = (docNumber: string): string[] => {
  const m = /^(.*)〔(\d{4})〕(\d+)号$/u.exec(normalizeDocNumber(docNumber))
  if (!m) return []
  const [, prefix = '', year = '', serial = ''] = m
  return [`〔${year}〕${serial}号`, ...(prefix ? [`${prefix}${serial}号`] : []), `${serial}号`]
}

/**
 * A query that is part of a document number — 23号, 23号文, 2021年23号, [2021]23号, 门常发23号 — written
 * as docNumberParts writes it, with its year when it has one; or null.
 */
export const partialDocNumber = (query: string): { part: string; year: number | null } | null => {
  const text = query.normalize('NFKC').replace(/\s+/g, '').replace(/号文$/, '号')
  const dated = /^[〔[(【]?((?:19|20)\d{2})(?:[〕\])】]|年)第?(\d{1,4})号$/u.exec(text)
  if (dated) return { part: `〔${dated[1]!}〕${String(Number(dated[2]))}号`, year: Number(dated[1]) }
  const serial = /^([\p{Script=Han}A-Za-z]{0,12}?)第?(\d{1,4})号$/u.exec(text)
  return serial ? { part: `${serial[1]!}${String(Number(serial[2]))}号`, year: null } : null
}

/**
 * Every document number a text may cite, in canonical form. In running text the issuer's prefix cannot
 * be told from the words before it (…和京文明委〔2020〕5号), so each ending of the prefix of two or more
 * characters is taken: one of them is the number as a reader would type it.
 */
export const docNumbersIn = (text: string): string[] => {
  const found = new Set<string>()
  for (const match of text.normalize('NFKC').matchAll(/([\p{Script=Han}A-Za-z]{2,12})([〔[(【]?(?:19|20)\d{2}(?:[〕\])】]|年)第?\d{1,4}号)/gu)) {
    const [, prefix = '', rest = ''] = match
    for (let k = 2; k <= prefix.length; k++) found.add(normalizeDocNumber(prefix.slice(-k) + rest))
  }
  return [...found].filter(looksLikeDocNumber)
}
