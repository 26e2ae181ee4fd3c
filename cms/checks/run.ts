/**
 * 内容检查: runs the rules (system › 内容检查) over a document's text, and checks its links to this site,
 * its images' alt text and its empty sections. Pure and fast: a 20,000-character document takes a few
 * milliseconds (`node bench/checks.ts`).
 */
import { toSimplified } from '../../site/lib/search-text.ts'
import { PENDING_ALT } from '../lib/uploads.ts'
import type { ContentRule, Severity } from './rules.ts'
import { extract } from './text.ts'

export interface Finding {
  severity: Severity
  kind: string
  where: string
  found: string
  suggestion: string | null
  /** A 禁止 finding in a document published as written (原文照登): a 提醒 the signer confirms with a reason. */
  verbatim?: true
}

/** The day a document was written (its 成文/通过日期, else its date, else its publication date), YYYY-MM-DD. */
const writtenOn = (doc: Record<string, unknown>): string | null => {
  const value = doc.adoptedAt ?? doc.date ?? doc.publishedAt
  return typeof value === 'string' && value ? value.slice(0, 10) : null
}
/** Whether a rule applies to a document written on `day` (rules from a date on spare older documents). */
const appliesTo = (rule: ContentRule, day: string | null) => !rule.appliesFrom || !day || day >= rule.appliesFrom.slice(0, 10)

/** Prefix of the suggestion of a verbatim finding. */
export const VERBATIM_NOTE = '原文照登：核签人须填写照登理由后确认'

/** Title words that may stand next to a leader's name. */
const TITLE_WORDS = /(?:副)?(?:书记|区长|市长|县长|镇长|主任|部长|主席|局长|秘书长|巡视员|调研员|常委|委员|处长|科长|经理|主委)/g
const CLAUSE_END = /[，。；：！？、\n]/

const contextOf = (text: string, at: number, length: number) => text.slice(Math.max(0, at - 8), at + length + 8)

/** The title words written right before (up to the clause's start) and right after a leader's name. */
const titlesAround = (text: string, at: number, length: number): string[] => {
  let start = at
  while (start > 0 && at - start < 16 && !CLAUSE_END.test(text[start - 1]!)) start--
  let end = at + length
  while (end < text.length && end - at - length < 6 && !CLAUSE_END.test(text[end]!)) end++
  // Titles joined to the name by 、 (副部长、首都文明办主任滕盛萍) are the same person's.
  let before = text.slice(start, at)
  for (let s = start; s > 0 && text[s - 1] === '、'; ) {
    let t = s - 1
    while (t > 0 && s - t < 16 && !CLAUSE_END.test(text[t - 1]!)) t--
    before = text.slice(t, s - 1) + before
    s = t
  }
  return [...before.matchAll(TITLE_WORDS), ...text.slice(at + length, end).matchAll(TITLE_WORDS)].map((m) => m[0])
}

export interface CheckContext {
  rules: ContentRule[]
  /** Whether the live site has a page at a path (`/news/…/`), or null when there is no live release to check against. */
  hasPage: ((pathname: string) => Promise<boolean>) | null
  siteOrigin: string
  /** The alt text of a media item, or null when it has none (or is missing). */
  altOf: (media: unknown) => Promise<string | null>
}

export const runChecks = async (collection: string, doc: Record<string, unknown>, ctx: CheckContext): Promise<Finding[]> => {
  const { pieces, links, images, empty } = extract(collection, doc)
  const findings: Finding[] = []
  const day = writtenOn(doc)
  // Rules are looked for in simplified characters too (a text in traditional ones is checked by the same
  // rules); the conversion keeps each character in its place, so what is found is quoted as written.
  const simplified = pieces.map((piece) => toSimplified(piece.text))
  for (const rule of ctx.rules) {
    if (!rule.text || !appliesTo(rule, day)) continue
    for (const [i, piece] of pieces.entries()) {
      const text = simplified[i]!
      for (let at = text.indexOf(rule.text); at >= 0; at = text.indexOf(rule.text, at + rule.text.length)) {
        if (rule.kind === '领导职务') {
          const current = rule.correct ?? ''
          const wrong = titlesAround(piece.text, at, rule.text.length).filter((t) => !current.includes(t))
          if (wrong.length === 0) continue
          findings.push({ severity: rule.severity, kind: rule.kind, where: piece.where, found: contextOf(piece.text, at, rule.text.length), suggestion: `${rule.text}现任：${current}（文中写作“${wrong.join('、')}”）` })
        } else {
          findings.push({ severity: rule.severity, kind: rule.kind, where: piece.where, found: contextOf(piece.text, at, rule.text.length), suggestion: rule.correct ? `应为“${rule.correct}”` : null })
        }
      }
    }
  }
  for (const link of links) {
    const url = new URL(link.url, ctx.siteOrigin)
    if (url.origin !== ctx.siteOrigin || !ctx.hasPage || /\.\w+$/.test(url.pathname)) continue
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
    if (!(await ctx.hasPage(path))) findings.push({ severity: '提醒', kind: '失效链接', where: link.where, found: link.url, suggestion: '网站上没有这个页面，请核对链接' })
  }
  for (const image of images) {
    const alt = (await ctx.altOf(image.media))?.trim()
    if (!alt || alt.startsWith(PENDING_ALT)) findings.push({ severity: '禁止', kind: '图片缺少替代文字', where: image.where, found: '图片', suggestion: '请在媒体库中为该图片填写替代文字（alt），供读屏软件朗读' })
  }
  for (const where of empty) findings.push({ severity: '提醒', kind: '空栏目', where, found: '', suggestion: '请补充内容或删除该栏目/小标题' })
  // A document published as written (a historical or quoted text) keeps its words: what the rules forbid
  // today is shown, and signed with a reason, not corrected. Missing alt text is not the document's words.
  if (doc.verbatim === true) {
    for (const f of findings) {
      if (f.severity !== '禁止' || f.kind === '图片缺少替代文字') continue
      Object.assign(f, { severity: '提醒', verbatim: true, suggestion: `${VERBATIM_NOTE}${f.suggestion ? `（现行规范：${f.suggestion}）` : ''}` })
    }
  }
  return findings
}

/** The 禁止 findings, one line each, for a refusal message. */
export const blockingSummary = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity === '禁止')
    .map((f) => `${f.where}：${f.kind}${f.found ? `“${f.found}”` : ''}${f.suggestion ? `，${f.suggestion}` : ''}`)
