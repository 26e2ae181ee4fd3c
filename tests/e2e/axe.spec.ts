import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, test } from '@playwright/test'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Every page listed in the sitemap, as paths on the test server. */
const sitemapPaths = async (request: APIRequestContext) => {
  const index = await (await request.get('/sitemap-index.xml')).text()
  const paths: string[] = []
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = await (await request.get(new URL(loc!).pathname)).text()
    for (const [, page] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(page!).pathname)
  }
  return paths
}

test('every page in the sitemap passes axe (WCAG 2.2 AA) in every display mode', async ({ page, request }) => {
  test.setTimeout(240_000)
  const paths = await sitemapPaths(request)
  expect(paths.length).toBeGreaterThan(25)
  const failures: string[] = []
  for (const mode of ['default', 'large+contrast'] as const) {
    if (mode !== 'default') {
      await page.goto('/')
      await page.evaluate(() => {
        localStorage.setItem('a11y-font', 'large')
        localStorage.setItem('a11y-contrast', 'high')
      })
    }
    const extra = ['/404.html', `/search/?q=${encodeURIComponent('门前三包')}`]
    for (const path of mode === 'default' ? [...paths, ...extra] : [...paths.slice(0, 12), ...extra]) {
      await page.goto(path)
      if (path.startsWith('/search/?')) await expect(page.locator('#search-status')).toContainText('共找到')
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
      for (const v of violations) failures.push(`${mode} ${path}: ${v.id} (${v.impact ?? ''}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
    }
  }
  expect(failures).toEqual([])
})
