/** URL builders, the fixed vocabularies' URL slugs and small text helpers. */

import type { SiteIdentity } from './types.ts'

/** The identity of a site whose 站点设置 nobody has filled in yet. */
export const UNNAMED_SITE: SiteIdentity = { name: '文明创建', tagline: null, description: null, sponsor: null, organizer: null, phone: null, email: null, address: null, siteCode: null, icp: null, psb: null, psbUrl: null, conacUrl: null }

/** URL slugs of the fixed vocabularies (URLs stay latin and readable). */
export const NEWS_CATEGORIES: Record<string, string> = {
  文明培育: 'peiyu',
  文明实践: 'shijian',
  综合整治: 'zhengzhi',
  我为群众办实事: 'banshishi',
  指挥调度: 'diaodu',
  检查督导: 'dudao',
  专题报道: 'zhuanti',
  其他: 'qita',
}
export const DOC_TYPES: Record<string, string> = {
  决议: 'jueyi',
  决定: 'jueding',
  行动计划: 'xingdong-jihua',
  实施方案: 'shishi-fangan',
  方案: 'fangan',
  意见: 'yijian',
  通知: 'tongzhi',
  报告: 'baogao',
  函: 'han',
  其他: 'qita',
}

export const url = {
  news: (n: { slug: string }) => `/news/${n.slug}/`,
  newsCategory: (category: string) => `/news/category/${NEWS_CATEGORIES[category] ?? 'qita'}/`,
  resolution: (r: { slug: string }) => `/resolutions/${r.slug}/`,
  resolutionType: (docType: string) => `/resolutions/type/${DOC_TYPES[docType] ?? 'qita'}/`,
  resolutionYear: (year: number) => `/resolutions/year/${String(year)}/`,
  series: (s: { slug: string }) => `/bulletins/${s.slug}/`,
  bulletin: (b: { key: string }) => `/bulletins/${b.key}/`,
  figure: (f: { slug: string }) => `/figures/${f.slug}/`,
  region: (r: { slug: string }) => `/regions/${r.slug}/`,
}

/** `第673期（总第2202期）`. */
export const issueLabel = (b: { issueNumber: number; totalIssueNumber: number | null }) =>
  `第${String(b.issueNumber)}期${b.totalIssueNumber ? `（总第${String(b.totalIssueNumber)}期）` : ''}`

/** A bulletin's text, item by item (a line between items, so no 文号 is read across two of them). */
export const bulletinText = (b: { sections: { items: { text: string }[] }[] }) => b.sections.flatMap((s) => s.items.map((i) => i.text)).join('\n')

/** A policy document as lists and feeds name it: its title and 文号. */
export const numberedTitle = (r: { title: string; docNumber: string | null }) => (r.docNumber ? `${r.title}（${r.docNumber}）` : r.title)

/** A short plain-text excerpt. */
export const excerpt = (text: string | null | undefined, length = 90) => {
  const clean = (text ?? '').replace(/\s+/g, '')
  return clean.length > length ? `${clean.slice(0, length)}…` : clean
}

export const PAGE_SIZE = 30

/**
 * The day a document is filed under: shown and sorted by in search, and the order the publisher renders
 * and indexes documents in (newest first, see publisher/release.ts). News without a date of its own uses
 * the day it was entered; a model figure, the day its entry last changed.
 */
export const filedOn = {
  news: (n: { date: string | null; createdAt: string }) => n.date ?? n.createdAt.slice(0, 10),
  figure: (f: { updatedAt: string }) => f.updatedAt.slice(0, 10),
}
