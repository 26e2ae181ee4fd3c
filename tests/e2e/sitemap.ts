import type { APIRequestContext } from '@playwright/test'

/** Every page listed in the sitemap, as paths on the test server. */
export const sitemapPaths = async (request: APIRequestContext): Promise<string[]> => {
  const index = await (await request.get('/sitemap-index.xml')).text()
  const paths: string[] = []
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = await (await request.get(new URL(loc!).pathname)).text()
    for (const [, page] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(page!).pathname)
  }
  return paths
}
