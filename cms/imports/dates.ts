/**
 * Dates as 公文 write them: 2023年7月5日 (with or without spaces, full-width digits), 2023-07-05, and in
 * Chinese numerals as GB/T 9704's predecessor and many offices still do: 二〇二三年七月五日 (〇, ○ or 零),
 * 二〇二三年十二月二十五日.
 */
const ARABIC = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/
const DASHED = /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})/
const CN_DIGIT = '〇○零一二三四五六七八九'
const CN = /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/

const cnDigit = (c: string) => {
  const i = CN_DIGIT.indexOf(c)
  return i < 3 ? 0 : i - 2
}
/** 十 → 10, 十二 → 12, 二十 → 20, 二十五 → 25, 五 → 5. */
const cnSmall = (text: string) => {
  if (!text.includes('十')) return cnDigit(text)
  const [tens = '', ones = ''] = text.split('十')
  return (tens ? cnDigit(tens) : 1) * 10 + (ones ? cnDigit(ones) : 0)
}

/** The first date in a text as [year, month, day] and the matched text, or null. */
export const findDate = (text: string): { year: number; month: number; day: number; match: string } | null => {
  const t = text.normalize('NFKC')
  const arabic = ARABIC.exec(t) ?? DASHED.exec(t)
  if (arabic)
    return {
      year: Number(arabic[1]),
      month: Number(arabic[2]),
      day: Number(arabic[3]),
      match: arabic[0],
    }
  const cn = CN.exec(text)
  if (!cn) return null
  return {
    year: Number([...(cn[1] ?? '')].map(cnDigit).join('')),
    month: cnSmall(cn[2] ?? ''),
    day: cnSmall(cn[3] ?? ''),
    match: cn[0],
  }
}

/** A calendar day as the day fields store it (noon UTC is the same day in Beijing). */
export const dayOf = (text: string): string | null => {
  const d = findDate(text)
  if (!d || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return null
  return `${String(d.year)}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}T12:00:00.000Z`
}

/** Whether the line is a date and nothing else (spaces aside). */
export const isDateLine = (text: string): boolean => {
  const d = findDate(text)
  return d !== null && text.normalize('NFKC').replace(/\s+/g, '') === d.match.normalize('NFKC').replace(/\s+/g, '')
}

export const shown = (iso: string) => iso.slice(0, 10)
