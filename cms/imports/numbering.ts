/**
 * Word's automatic numbering, written into the text. A heading numbered by Word (一、 from a
 * chineseCounting list, （一） from "（%1）", 1. from decimal) carries no number in its text; mammoth turns
 * it into a list item and the number is gone. This rewrites the .docx before it is read: each numbered
 * paragraph gets its number as typed text, computed from word/numbering.xml (formats, level texts,
 * start values and overrides, counters that restart below a higher level), and loses its list
 * property, so the importer sees 一、坚持…… exactly as if the author had typed it. Bullets stay lists.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom'
import JSZip from 'jszip'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

const DIGITS = '〇一二三四五六七八九'
/** 1 → 一, 10 → 十, 11 → 十一, 25 → 二十五, 105 → 一百零五 (chineseCounting and chineseCountingThousand). */
export const chineseCounting = (n: number): string => {
  if (n <= 0) return String(n)
  if (n >= 10000) return String(n)
  const units = ['', '十', '百', '千']
  const digits = String(n).split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? ''
    if (d === 0) zero = out !== ''
    else {
      out += (zero ? '零' : '') + (DIGITS[d] ?? '') + unit
      zero = false
    }
  })
  // 一十一 is written 十一 below twenty.
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out
}

const letters = (n: number, base: string) => {
  let out = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = base[(k - 1) % 26] + out
  return out
}
const roman = (n: number) => {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  let rest = n
  for (const [value, glyph] of table) for (; rest >= value; rest -= value) out += glyph
  return out
}

/** A counter in one of Word's number formats (ST_NumberFormat); null for formats that are not numbers. */
export const formatNumber = (n: number, format: string): string | null => {
  switch (format) {
    case 'decimal':
      return String(n)
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n)
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(/[一二三四五六七八九十百千零]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟零'['一二三四五六七八九十百千零'.indexOf(c)] ?? c)
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n)
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${String(n)})`
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${String(n)}.`
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz')
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    default:
      // bullet, none and formats with no reading as a number here
      return null
  }
}

interface Level {
  start: number
  format: string
  text: string
  suffix: string
  /** The level below which this one restarts (w:lvlRestart); by default the one directly above. */
  restartAfter: number
}
interface Definitions {
  /** numId → abstractNumId and the levels it overrides */
  nums: Map<string, { abstract: string; startOverrides: Map<number, number> }>
  abstracts: Map<string, Map<number, Level>>
  /** styleId → numPr a paragraph style carries (heading styles tied to a list) */
  styles: Map<string, { numId: string; level: number }>
}

const child = (el: Element | null | undefined, name: string): Element | null => {
  if (!el) return null
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W) return n as Element
  return null
}
const children = (el: Element, name: string): Element[] => {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W) out.push(n as Element)
  return out
}
const val = (el: Element | null) => el?.getAttributeNS(W, 'val') ?? null
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml')

const definitions = (numbering: Document | null, styles: Document | null): Definitions => {
  const defs: Definitions = {
    nums: new Map(),
    abstracts: new Map(),
    styles: new Map(),
  }
  const root = numbering?.documentElement
  if (root) {
    for (const abstract of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>()
      for (const lvl of children(abstract, 'lvl')) {
        const ilvl = Number(lvl.getAttributeNS(W, 'ilvl') ?? 0)
        levels.set(ilvl, {
          start: Number(val(child(lvl, 'start')) ?? 1),
          format: val(child(lvl, 'numFmt')) ?? 'decimal',
          text: val(child(lvl, 'lvlText')) ?? '',
          suffix: val(child(lvl, 'suff')) ?? 'tab',
          restartAfter: child(lvl, 'lvlRestart') ? Number(val(child(lvl, 'lvlRestart'))) - 1 : ilvl - 1,
        })
      }
      defs.abstracts.set(abstract.getAttributeNS(W, 'abstractNumId') ?? '', levels)
    }
    for (const num of children(root, 'num')) {
      const startOverrides = new Map<number, number>()
      for (const override of children(num, 'lvlOverride')) {
        const start = val(child(override, 'startOverride'))
        if (start !== null) startOverrides.set(Number(override.getAttributeNS(W, 'ilvl') ?? 0), Number(start))
      }
      defs.nums.set(num.getAttributeNS(W, 'numId') ?? '', {
        abstract: val(child(num, 'abstractNumId')) ?? '',
        startOverrides,
      })
    }
  }
  const styleRoot = styles?.documentElement
  if (styleRoot) {
    for (const style of children(styleRoot, 'style')) {
      const numPr = child(child(style, 'pPr'), 'numPr')
      const numId = val(child(numPr, 'numId'))
      if (numId)
        defs.styles.set(style.getAttributeNS(W, 'styleId') ?? '', {
          numId,
          level: Number(val(child(numPr, 'ilvl')) ?? 0),
        })
    }
  }
  return defs
}

/** Writes every numbered paragraph's number into its text; returns the .docx unchanged when nothing is numbered. */
export const withTypedNumbers = async (docx: Buffer): Promise<Buffer> => {
  const zip = await JSZip.loadAsync(docx)
  const numberingXml = await zip.file('word/numbering.xml')?.async('string')
  const documentXml = await zip.file('word/document.xml')?.async('string')
  if (!numberingXml || !documentXml) return docx
  const defs = definitions(parse(numberingXml), parse((await zip.file('word/styles.xml')?.async('string')) ?? '<x/>'))
  const doc = parse(documentXml)
  // Counters per list (abstractNum) and level; a num with a start override restarts its levels when first used.
  const counters = new Map<string, Map<number, number>>()
  const overridden = new Set<string>()
  let changed = false
  const paragraphs = doc.getElementsByTagNameNS(W, 'p')
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i)
    if (!p) continue
    const pPr = child(p, 'pPr')
    const own = child(pPr, 'numPr')
    const styled = defs.styles.get(val(child(pPr, 'pStyle')) ?? '')
    const numId = own ? val(child(own, 'numId')) : (styled?.numId ?? null)
    const level = own ? Number(val(child(own, 'ilvl')) ?? styled?.level ?? 0) : (styled?.level ?? 0)
    const num = numId ? defs.nums.get(numId) : undefined
    const levels = num ? defs.abstracts.get(num.abstract) : undefined
    const lvl = levels?.get(level)
    if (!num || !levels || !lvl || numId === '0') continue
    const counter = counters.get(num.abstract) ?? new Map<number, number>()
    counters.set(num.abstract, counter)
    if (numId && !overridden.has(numId) && num.startOverrides.size) {
      overridden.add(numId)
      for (const [l, start] of num.startOverrides) counter.set(l, start - 1)
    }
    counter.set(level, (counter.get(level) ?? lvl.start - 1) + 1)
    // Levels below restart (unless they restart only after a level above this one).
    for (const [l, below] of levels) if (l > level && below.restartAfter >= level) counter.delete(l)
    if (formatNumber(1, lvl.format) === null) continue
    const number = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1
      const value = counter.get(l) ?? levels.get(l)?.start ?? 1
      return formatNumber(value, levels.get(l)?.format ?? 'decimal') ?? String(value)
    })
    const text = number + (lvl.suffix === 'space' ? ' ' : '')
    // The paragraph keeps its look; the list property goes (numId 0 also cancels one its style carries).
    if (own) own.parentNode?.removeChild(own)
    if (styled && pPr) {
      const cancel = doc.createElementNS(W, 'w:numPr')
      const id = doc.createElementNS(W, 'w:numId')
      id.setAttributeNS(W, 'w:val', '0')
      cancel.appendChild(id)
      pPr.appendChild(cancel)
    }
    const run = doc.createElementNS(W, 'w:r')
    // The number takes the formatting of the paragraph's first run (a bold heading's number is bold).
    const firstRunProps = child(child(p, 'r'), 'rPr')
    if (firstRunProps) run.appendChild(firstRunProps.cloneNode(true))
    const t = doc.createElementNS(W, 'w:t')
    t.setAttribute('xml:space', 'preserve')
    t.appendChild(doc.createTextNode(text))
    run.appendChild(t)
    p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild)
    changed = true
  }
  if (!changed) return docx
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc))
  return zip.generateAsync({ type: 'nodebuffer' })
}
