/**
 * Shapes of the seed documents under `content/seed/`. Bodies are written in Markdown (paragraphs, `## `
 * headings, `> ` call-outs, `**bold**`) and converted to Lexical rich text on import by Payload's own
 * converter (cms/lib/richText.ts).
 * Regions are referred to by name, series by slug; dates are calendar days (YYYY-MM-DD) unless noted.
 */

export interface SeedResolution {
  slug: string
  title: string
  docType: '决议' | '决定' | '行动计划' | '实施方案' | '通知' | '其他'
  docNumber?: string
  issuer: string
  meeting?: string
  adoptedAt?: string
  /** A full ISO timestamp with offset, as published on the issuer's site. */
  publishedAt?: string
  validity: '现行有效' | '已修订' | '已废止'
  period?: string
  region?: string
  sourceCategory?: string
  /** Slugs of the 专题 it is filed under. */
  topics?: string[]
  summary: string
  body: string
}

export interface SeedBulletinItem {
  title?: string
  category?: string
  region?: string
  source?: string
  body: string
  /** When set, the item is also published as a 工作动态 news entry linked to its bulletin. */
  news?: { slug: string; title: string; date?: string }
}

export interface SeedBulletin {
  series: string
  issueNumber: number
  totalIssueNumber?: number
  date: string
  region?: string
  sections: { heading?: string; items: SeedBulletinItem[] }[]
  signoff: { editor?: string; reviewer?: string; signer?: string }
  distribution: { reportTo?: string; sendTo?: string; issueTo?: string }
  topics?: string[]
}

export interface SeedNews {
  slug: string
  title: string
  subtitle?: string
  date?: string
  authors?: string
  category: string
  region?: string
  summary: string
  keyFigures: { value: string; unit?: string; label: string }[]
  topics?: string[]
  body: string
}

export interface SeedSeries {
  slug: string
  name: string
  kind: '工作快报' | '情况简报' | '其他'
  issuer: string
  phone?: string
  fax?: string
  email?: string
}

export interface SeedTopic {
  slug: string
  name: string
  description: string
}

export interface SeedRegion {
  slug: string
  name: string
  kind: '街道' | '镇' | '区'
  district: string
}

export interface SeedFigure {
  slug: string
  name: string
  kind: '个人' | '集体' | '家庭'
  category: '助人为乐' | '见义勇为' | '诚实守信' | '敬业奉献' | '孝老爱亲' | '志愿服务' | '其他'
  region?: string
  summary: string
  story: string
  /** Two colours for the generated placeholder portrait. */
  colors: [string, string]
}
