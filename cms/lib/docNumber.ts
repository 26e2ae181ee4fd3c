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
