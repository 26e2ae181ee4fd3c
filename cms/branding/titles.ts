/**
 * The admin speaks as the site it manages: its page titles end with the site's name from 站点设置, its
 * favicon is the site's own. The configured suffix is what a page gets before 站点设置 is read (and what
 * a fresh database without settings keeps).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Metadata } from 'next'

import { rootDir } from '../lib/paths.ts'

export const DEFAULT_TITLE_SUFFIX = ' · 文明创建内容管理'
export const titleSuffixFor = (siteName: string | null | undefined) => (siteName?.trim() ? ` · ${siteName.trim()} 内容管理` : DEFAULT_TITLE_SUFFIX)

/** The public site's favicon (public/favicon.svg), as the admin's icon: read once, not on every admin page. */
let icon: { rel: string; type: string; url: string }[] | null = null
export const siteIcon = (): { rel: string; type: string; url: string }[] => {
  icon ??= [{ rel: 'icon', type: 'image/svg+xml', url: `data:image/svg+xml,${encodeURIComponent(readFileSync(path.join(rootDir, 'public', 'favicon.svg'), 'utf8'))}` }]
  return icon
}

const renamed = (title: unknown, suffix: string): unknown => {
  if (typeof title === 'string') return title.replace(DEFAULT_TITLE_SUFFIX, suffix)
  if (title && typeof title === 'object') return Object.fromEntries(Object.entries(title).map(([k, v]) => [k, renamed(v, suffix)]))
  return title
}

/** Payload's page metadata with the site's name in place of the default suffix. */
export const withSiteName = (metadata: Metadata, siteName: string | null | undefined): Metadata => {
  const suffix = titleSuffixFor(siteName)
  if (suffix === DEFAULT_TITLE_SUFFIX) return metadata
  return {
    ...metadata,
    title: renamed(metadata.title, suffix) as Metadata['title'],
    openGraph: metadata.openGraph
      ? { ...metadata.openGraph, title: renamed(metadata.openGraph.title, suffix.trim().replace(/^· /, '')) as string }
      : metadata.openGraph,
  }
}
