import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/**
 * 站点设置's site name and sponsor, for the admin's title and logo. Read at most every ten seconds: every
 * admin page asks, and a renamed site shows within seconds.
 */
let cached: { at: number; value: Promise<{ siteName: string | null; sponsor: string | null }> } | null = null

export const siteBranding = (payload?: Payload): Promise<{ siteName: string | null; sponsor: string | null }> => {
  if (cached && Date.now() - cached.at < 10_000) return cached.value
  const value = (async () => {
    const p = payload ?? (await getPayload({ config }))
    const settings = (await p.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true }).catch(() => null)) as {
      siteName?: string | null
      sponsor?: string | null
    } | null
    return { siteName: settings?.siteName?.trim() || null, sponsor: settings?.sponsor?.trim() || null }
  })()
  cached = { at: Date.now(), value }
  return value
}
