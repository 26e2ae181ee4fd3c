import { realpath, readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { siteOrigin } from '../lib/deployment.ts'
import { rootDir } from '../lib/paths.ts'
import type { CheckContext } from './run.ts'
import type { ContentRule } from './rules.ts'

/** The live release's pages (its release.json beside the `site` directory `dist` points at), cached per release. */
let livePaths: { release: string; paths: Set<string> } | null = null
const sitePaths = async (): Promise<Set<string> | null> => {
  const site = await realpath(process.env.SITE_DIST ?? path.join(rootDir, 'dist')).catch(() => null)
  if (!site) return null
  if (livePaths?.release === site) return livePaths.paths
  const manifest = await readFile(path.join(site, '..', 'release.json'), 'utf8').then((t) => JSON.parse(t) as { routes?: Record<string, string> }, () => null)
  if (!manifest?.routes) return null
  livePaths = { release: site, paths: new Set(Object.keys(manifest.routes)) }
  return livePaths.paths
}

/** What the checks need: the editors' rules, the live site's pages and the media library's alt texts. */
export const checkContext = async (payload: Payload): Promise<CheckContext> => {
  const rules = (await payload.find({ collection: 'content-rules', pagination: false, depth: 0, overrideAccess: true })).docs as unknown as ContentRule[]
  return {
    rules,
    sitePaths: await sitePaths(),
    siteOrigin: siteOrigin(),
    altOf: async (media) => {
      if (media && typeof media === 'object') return (media as { alt?: string | null }).alt ?? null
      if (media === null || media === undefined) return null
      const found = await payload.findByID({ collection: 'media', id: media as number, depth: 0, overrideAccess: true, disableErrors: true })
      return (found as { alt?: string | null } | null)?.alt ?? null
    },
  }
}
