/**
 * Government documents are formatted by hand (黑体 for 一、, 楷体 for （一）, 仿宋 body), so their
 * structure is read from the numbering and the text, not from Word styles: this module rejoins
 * sentences a page break cut in two, splits a web page's text that arrived as one line, and writes the
 * body as Markdown with the 公文 levels as headings (一、 → h2, （一） → h3) and lists (1. → a numbered
 * list, （1） → a list inside it), which Payload's converter turns into rich text (cms/lib/richText.ts).
 */
import { literalMarkdown } from '../lib/richText.ts'
import type { Block } from './read.ts'

const CN_NUMBER = '[一二三四五六七八九十]+'
export const LEVEL1 = new RegExp(`^${CN_NUMBER}、`)
export const LEVEL2 = new RegExp(`^[（(]${CN_NUMBER}[）)]`)
export const LEVEL3 = /^(\d{1,2})[.．、](?!\d)\s*/
export const LEVEL4 = /^[（(](\d{1,2})[）)]\s*/
/** Lines a document's own machinery starts: 【栏目】, sign-off, distribution, contacts. */
const TRAILER = /^(编校|责编|审核|核稿|核签|报|送|发|抄送|电话|传真|邮箱|电子邮箱|数说)\s*[:：]/
const ENDS_SENTENCE = /[。！？；…”’」』）)：:!?;]\**$/

export const plain = (text: string) => text.replace(/\*\*/g, '')
/** A line split at runs of spaces: an office and a date on one line, a 文号 and its 签发人. */
export const tokens = (line: string) =>
  line
    .split(/[\s\u3000]{2,}|\u3000+/)
    .map((t) => t.trim())
    .filter(Boolean)
const structural = (text: string) => {
  const t = plain(text)
  return LEVEL1.test(t) || LEVEL2.test(t) || LEVEL3.test(t) || LEVEL4.test(t) || t.startsWith('【') || TRAILER.test(t) || /^[（(][^）)]*[）)]$/.test(t)
}

/** A numbered heading: 一、 or （一） and no full stop (commas and other punctuation allowed: 一、坚持……，……). */
const isHeading = (text: string) => {
  const t = plain(text)
  return (LEVEL1.test(t) || LEVEL2.test(t)) && !/[。！？]/.test(t)
}
/** A line that stopped mid-sentence: long, running text (a title has no commas), no closing punctuation, not a heading. */
const continues = (text: string) => !isHeading(text) && plain(text).length >= 30 && /[，,、；]/.test(text) && !ENDS_SENTENCE.test(text)

/**
 * A web page's text pasted as one long line keeps its paragraphs only as spaces before the numbering
 * (… 一、指导思想 以党的…): such a line is split there.
 */
const splitRunTogether = (text: string): string[] => {
  if (text.length < 200) return [text]
  return text
    .split(new RegExp(`\\s+(?=${CN_NUMBER}、|[（(]${CN_NUMBER}[）)]|[（(]\\d{1,2}[）)]|\\d{1,2}[.．](?!\\d))|\\s{2,}`))
    .filter(Boolean)
    .flatMap((part) => {
      // 一、指导思想 以党的… : the heading, then its first paragraph.
      const heading = new RegExp(`^(${CN_NUMBER}、[^\\s，。,]{2,20})\\s+(.+)$`).exec(part)
      return heading ? [heading[1] ?? '', heading[2] ?? ''] : [part]
    })
}

/**
 * Paragraphs as the author wrote them: a line that stops mid-sentence (no closing punctuation, long
 * enough not to be a title) continues in the next one unless that starts a numbered level or the
 * document's trailer. Images stay where they were.
 */
export const paragraphs = (blocks: Block[]): Block[] => {
  const out: Block[] = []
  for (const block of blocks) {
    if (!('text' in block)) {
      out.push(block)
      continue
    }
    for (const text of splitRunTogether(block.text)) {
      const last = out.at(-1)
      // A centred or right-aligned line (a title, a 落款) is a paragraph of its own.
      if (last && 'text' in last && continues(last.text) && !structural(text) && !last.align && !block.align) last.text += text
      else out.push({ ...block, text })
    }
  }
  // Bold runs a page break cut in two (**…** | **…**) become one run again.
  for (const block of out) if ('text' in block) block.text = block.text.replace(/\*\*\*\*/g, '')
  return out
}

/** Bold stays bold; every other character reads literally. */
const inline = (text: string) =>
  text
    .split(/(\*\*[^*]+?\*\*)/)
    .map((part) => (/^\*\*[^*]+\*\*$/.test(part) ? `**${literalMarkdown(part.slice(2, -2))}**` : literalMarkdown(part.replace(/\*\*/g, ''))))
    .join('')

/** A numbered line that is a title on its own (short, no full stop inside) becomes a heading; one that runs on keeps its lead in bold. */
const headingOrLead = (text: string, marker: '##' | '###') => {
  const t = plain(text)
  if (t.length <= 80 && !/[。！？]./.test(t)) return `${marker} ${literalMarkdown(t)}`
  if (text.startsWith('**')) return inline(text)
  const lead = /^(.{2,40}?[。！？])(.+)$/.exec(t)
  return lead ? `**${literalMarkdown(lead[1] ?? '')}**${literalMarkdown(lead[2] ?? '')}` : inline(text)
}

export interface Body {
  markdown: string
  headings: number
  listItems: number
  images: number[]
}

export const IMAGE_PLACEHOLDER = 'WENMINGIMAGE'

/** The body as Markdown; images stand as placeholders the importer replaces with upload nodes. */
export const bodyMarkdown = (blocks: Block[]): Body => {
  const parts: string[] = []
  let headings = 0
  let listItems = 0
  const images: number[] = []
  let inList = false
  for (const block of blocks) {
    if (!('text' in block)) {
      parts.push(`\n\n${IMAGE_PLACEHOLDER}${String(block.image)}`)
      images.push(block.image)
      inList = false
      continue
    }
    const t = plain(block.text)
    const level3 = LEVEL3.exec(t)
    const level4 = LEVEL4.exec(t)
    if (LEVEL1.test(t) || LEVEL2.test(t)) {
      const line = headingOrLead(block.text, LEVEL1.test(t) ? '##' : '###')
      if (line.startsWith('#')) headings++
      parts.push(`\n\n${line}`)
      inList = false
    } else if (level3) {
      // Lines of one list follow each other directly; the number is the list's own.
      parts.push(`${inList ? '\n' : '\n\n'}${level3[1] ?? '1'}. ${inline(block.text.replace(/^(\*\*)?\d{1,2}[.．、]\s*/, '$1'))}`)
      listItems++
      inList = true
    } else if (level4 && inList) {
      parts.push(`\n    ${level4[1] ?? '1'}. ${inline(block.text.replace(/^(\*\*)?[（(]\d{1,2}[）)]\s*/, '$1'))}`)
      listItems++
    } else {
      parts.push(`\n\n${inline(block.text)}`)
      inList = false
    }
  }
  return { markdown: parts.join('').trim(), headings, listItems, images }
}
