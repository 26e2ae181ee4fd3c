import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { fileFor } from '../../publisher/page-file.ts'
import { siteOrigin } from '../lib/deployment.ts'
import { rootDir } from '../lib/paths.ts'
import type { CheckContext } from './run.ts'
import type { ContentRule } from './rules.ts'

/**
 * Whether the live release (the one `dist` points at) has a page at a path: its one file is looked up
 * (`publisher/page-file.ts`), so a save costs the same with 100 or 100,000 pages; it used to read the
 * release's whole route list after every publish. Null when there is no live release.
 */
export const livePages = async (): Promise<((pathname: string) => Promise<boolean>) | null> => {
  const site = await realpath(process.env.SITE_DIST ?? path.join(rootDir, 'dist')).catch(() => null)
  if (!site) return null
  return async (pathname) => {
    const file = path.resolve(site, fileFor(pathname))
    return file.startsWith(`${site}${path.sep}`) && (await stat(file).then((s) => s.isFile(), () => false))
  }
}

/** What the checks need: the editors' rules, the live site's pages and the media library's alt texts. */
export const checkContext = async (payload: Payload): Promise<CheckContext> => {
  const rules = (await payload.find({ collection: 'content-rules', pagination: false, depth: 0, overrideAccess: true })).docs as unknown as ContentRule[]
  return {
    rules,
    hasPage: await livePages(),
    siteOrigin: siteOrigin(),
    altOf: async (media) => {
      if (media && typeof media === 'object') return (media as { alt?: string | null }).alt ?? null
      if (media === null || media === undefined) return null
      const found = await payload.findByID({ collection: 'media', id: media as number, depth: 0, overrideAccess: true, disableErrors: true })
      return (found as { alt?: string | null } | null)?.alt ?? null
    },
  }
}
