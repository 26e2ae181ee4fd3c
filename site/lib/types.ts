/** The shapes of the published documents the site is built from (plain, serialisable data). */

export interface RegionRef {
  slug: string
  name: string
}

export interface ImageRef {
  /** The original, `/media/<file>` (the publisher copies it into the release). */
  src: string
  alt: string
  width: number
  height: number
  /** The WebP sizes Payload made on upload, narrowest first. */
  sources: { src: string; width: number }[]
}

export interface RegionEntry {
  slug: string
  name: string
  kind: string
  district: string
}

export interface SeriesEntry {
  slug: string
  name: string
  kind: string
  issuer: string
  phone: string | null
  fax: string | null
  email: string | null
  description: string | null
}

/** 站点设置: the portal's identity, shown in every page's header and footer. */
export interface SiteIdentity {
  name: string
  tagline: string | null
  description: string | null
  sponsor: string | null
  organizer: string | null
  phone: string | null
  email: string | null
  address: string | null
  siteCode: string | null
  icp: string | null
  psb: string | null
  psbUrl: string | null
  conacUrl: string | null
}

/** When a document went public (set by the server, cms/fields/firstPublished.ts) and last changed. */
export interface PublicDates {
  firstPublishedAt: string | null
  updatedAt: string
}

export interface TopicEntry {
  id: string
  slug: string
  name: string
  description: string | null
}

/** What links a document to others: ids of topics and policy documents, as editors set them. */
export interface Links {
  /** Ids of the 专题 the document is filed under. */
  topics: string[]
  /** Ids of the policy documents it reports on (news, bulletins). */
  policies: string[]
}

/** What a 公文 prints around its text: 主送 above it; 附件说明, 落款, 附注 after it; the 版记 at the foot. */
export interface GongwenParts {
  mainRecipients: string | null
  attachmentNotes: string[]
  signatory: string | null
  note: string | null
  copyTo: string | null
  printedBy: string | null
  /** Calendar day YYYY-MM-DD. */
  printedAt: string | null
}

export interface ResolutionEntry extends Links, PublicDates {
  id: string
  slug: string
  title: string
  docType: string
  docNumber: string | null
  issuer: string | null
  meeting: string | null
  /** Calendar day YYYY-MM-DD (Beijing time). */
  adoptedAt: string | null
  /** ISO timestamp. */
  publishedAt: string | null
  validity: string
  period: string | null
  sourceCategory: string | null
  region: RegionRef | null
  summary: string | null
  /** The office's note on a document published as written (原文照登), or null. */
  verbatimNote: string | null
  /** The 公文's parts printed around its text (GB/T 9704), or null when it has none. */
  gongwen: GongwenParts | null
  html: string
  text: string
  /** The day the document is dated by: adoption, else publication. */
  date: string
  year: number
  updatedAt: string
}

export interface BulletinItem {
  title: string | null
  category: string | null
  region: RegionRef | null
  source: string | null
  html: string
  text: string
}

export interface BulletinEntry extends Links, PublicDates {
  /** `<series-slug>/<issueNumber>`. */
  key: string
  title: string
  series: SeriesEntry
  issueNumber: number
  totalIssueNumber: number | null
  date: string
  year: number
  region: RegionRef | null
  sections: { heading: string | null; items: BulletinItem[] }[]
  signoff: { editor: string | null; reviewer: string | null; signer: string | null }
  distribution: { reportTo: string | null; sendTo: string | null; issueTo: string | null }
  /** See ResolutionEntry. */
  verbatimNote: string | null
  updatedAt: string
}

export interface NewsEntry extends Links, PublicDates {
  slug: string
  title: string
  subtitle: string | null
  date: string | null
  category: string | null
  region: RegionRef | null
  authors: string | null
  summary: string | null
  html: string
  text: string
  cover: ImageRef | null
  keyFigures: { value: string; unit: string | null; label: string }[]
  sourceBulletin: { key: string; title: string } | null
  /** Id of the policy document this news item explains (政策解读). */
  interprets: string | null
  updatedAt: string
  createdAt: string
}

export interface FigureEntry extends Links, PublicDates {
  slug: string
  name: string
  kind: string
  category: string
  region: RegionRef | null
  summary: string
  html: string
  honors: { title: string; level: string | null; year: number | null }[]
  portrait: ImageRef | null
  updatedAt: string
}
