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
