/**
 * The archive's query set, picked by rules from the archive itself (nothing is chosen by hand, so the
 * set cannot be tuned to the search):
 * - clause: every Nth clause (a run of 6–12 Han characters between two punctuation marks) that occurs in
 *   one document only, as a reader copies it from that document; about CLAUSES of them.
 * - report / report-state-council: “YYYY年政府工作报告” and “YYYY年国务院政府工作报告” for every report.
 * - meeting / meeting-short: each resolution's session in full (第十三届全国人民代表大会第四次会议) and as
 *   people say it (十三届全国人大四次会议).
 * - year: “YYYY年” alone, expecting the report of that year among the first five.
 * - none: everyday searches the archive has no page for (the rule: no document contains every word).
 * - clause-traditional / report-traditional: the same clauses and report titles in traditional characters,
 *   as pasted from a Taiwan or Hong Kong source (OpenCC's cn→tw and cn→hk, in turn).
 * - clause-simplified: clauses of the documents the archive has in traditional characters (the 1954
 *   report), in simplified ones (OpenCC's t→cn), as most readers type them.
 * - year-chinese: “二〇一九年政府工作报告”, the year in Chinese numerals as official documents write dates.
 * - doc-number-partial: parts of each numbered document's 文号 (23号, 23号文, 2021年23号, 门常发23号, 〔2021〕23号),
 *   expecting that document first: the seed resolution and the numbered documents of NUMBERED_DOCUMENTS.
 * The seed query set (eval/search-queries.json: 文号 in four spellings, synonyms, issue numbers) runs
 * alongside, since the seed documents share the index.
 */
import * as OpenCC from 'opencc-js'

import { normalizeDocNumber } from '../cms/lib/docNumber.ts'
import { queryWords } from '../site/lib/phrase.ts'
import { type ArchiveDocument, NUMBERED_DOCUMENTS } from './archive.ts'

export interface EvalQuery {
  kind: string
  q: string
  /** Patterns (regular expressions) one of which a result's title or URL must match; empty: no results expected. */
  expect: string[]
}

export const CLAUSES = 200
const CLAUSE = /^\p{Script=Han}{6,12}$/u
/** Punctuation and spaces: where a clause ends. */
const BREAK = /[\s\p{P}\p{S}]+/u

const NONE = ['演唱会门票', '宠物医院营业时间', '网络游戏充值', '地铁末班车', '外卖骑手招聘', '健身房私教课', '电竞比赛直播', '奶茶店加盟']

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' })
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' })
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
/** The text in traditional characters, Taiwan's and Hong Kong's forms in turn. */
const traditional = (text: string, i: number) => (i % 2 ? toHongKong : toTaiwan)(text)
/** A document written in traditional characters: converting it to simplified ones changes one in twenty characters or more. */
const inTraditional = (d: ArchiveDocument) => [...toSimplified(d.text)].filter((c, i) => c !== d.text[i]).length > d.text.length / 20
const NUMERALS = '〇一二三四五六七八九'
const yearInNumerals = (year: number) => [...String(year)].map((d) => NUMERALS[Number(d)]).join('')

/** The seed's numbered resolution (门常发〔2021〕23号) and the evaluation's own (NUMBERED_DOCUMENTS). */
const numbered = [{ number: '门常发〔2021〕23号', expect: '三年冲刺行动的决议' }, ...NUMBERED_DOCUMENTS.map((d) => ({ number: d.docNumber, expect: `/${d.slug}/` }))]
/** What a reader types of a document number: its serial, with 文, with its year, with its issuer. */
const numberParts = (number: string) => {
  const [, prefix = '', year = '', serial = ''] = /^(.*)〔(\d{4})〕(\d+)号$/u.exec(normalizeDocNumber(number)) ?? []
  return [`${serial}号`, `${serial}号文`, `${year}年${serial}号`, `${prefix}${serial}号`, `〔${year}〕${serial}号`]
}

export const archiveQueries = (docs: ArchiveDocument[]): EvalQuery[] => {
  const texts = docs.map((d) => `${d.title}\n${d.text}`)
  const doc = (d: ArchiveDocument) => `/${d.slug}/`
  const clauses: { q: string; d: ArchiveDocument }[] = []
  const seen = new Set<string>()
  for (const d of docs) {
    for (const piece of d.text.split(BREAK)) {
      if (!CLAUSE.test(piece) || seen.has(piece)) continue
      seen.add(piece)
      if (texts.filter((t) => t.includes(piece)).length === 1) clauses.push({ q: piece, d })
    }
  }
  const every = Math.max(1, Math.floor(clauses.length / CLAUSES))
  const sampled = clauses.filter((_, i) => i % every === 0)
  // Clauses of the documents in traditional characters, as simplified ones: every 5th, at most 40.
  const fromTraditional = clauses.filter(({ q, d }) => inTraditional(d) && toSimplified(q) !== q).filter((_, i) => i % 5 === 0).slice(0, 40)
  const reports = docs.filter((d) => d.kind === 'report')
  const resolutions = docs.filter((d) => d.kind === 'resolution')
  return [
    ...sampled.map(({ q, d }) => ({ kind: 'clause', q, expect: [doc(d)] })),
    ...sampled.filter(({ d }) => !inTraditional(d)).map(({ q, d }, i) => ({ kind: 'clause-traditional', q: traditional(q, i), expect: [doc(d)] })),
    ...fromTraditional.map(({ q, d }) => ({ kind: 'clause-simplified', q: toSimplified(q), expect: [doc(d)] })),
    ...reports.map((d, i) => ({ kind: 'report-traditional', q: traditional(`${String(d.year)}年政府工作报告`, i), expect: [doc(d)] })),
    ...reports.map((d) => ({ kind: 'year-chinese', q: `${yearInNumerals(d.year)}年政府工作报告`, expect: [doc(d)] })),
    ...numbered.flatMap(({ number, expect }) => numberParts(number).map((q) => ({ kind: 'doc-number-partial', q, expect: [expect] }))),
    ...reports.map((d) => ({ kind: 'report', q: `${String(d.year)}年政府工作报告`, expect: [doc(d)] })),
    ...reports.map((d) => ({ kind: 'report-state-council', q: `${String(d.year)}年国务院政府工作报告`, expect: [doc(d)] })),
    ...resolutions.map((d) => ({ kind: 'meeting', q: d.meeting!, expect: [doc(d)] })),
    ...resolutions.map((d) => ({
      kind: 'meeting-short',
      q: d.meeting!.replace(/^第/, '').replace('全国人民代表大会第', '全国人大'),
      expect: [doc(d)],
    })),
    ...reports.map((d) => ({ kind: 'year', q: `${String(d.year)}年`, expect: [doc(d)] })),
    ...NONE.filter((q) => !texts.some((t) => queryWords(q).every((w) => t.includes(w)))).map((q) => ({ kind: 'none', q, expect: [] })),
  ]
}
