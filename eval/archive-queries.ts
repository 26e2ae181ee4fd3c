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
 * The seed query set (eval/search-queries.json: 文号 in four spellings, synonyms, issue numbers) runs
 * alongside, since the seed documents share the index.
 */
import { queryWords } from '../site/lib/phrase.ts'
import type { ArchiveDocument } from './archive.ts'

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
  const reports = docs.filter((d) => d.kind === 'report')
  const resolutions = docs.filter((d) => d.kind === 'resolution')
  return [
    ...clauses.filter((_, i) => i % every === 0).map(({ q, d }) => ({ kind: 'clause', q, expect: [doc(d)] })),
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
