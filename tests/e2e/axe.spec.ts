import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { sitemapPaths } from './sitemap.ts'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const WIDTHS = { phone: { width: 375, height: 667 }, desktop: { width: 1280, height: 900 } }

// Every page of the sitemap, plus the 404 page and a search with results, in each display mode at a
// phone's and a desktop's width: four tests, so two workers share them.
for (const [width, viewport] of Object.entries(WIDTHS)) {
  for (const mode of ['default', 'large+contrast'] as const) {
    test.describe(`${width} ${mode}`, () => {
      test.use({ viewport })

      test('every page in the sitemap passes axe (WCAG 2.2 AA)', async ({ page, request }) => {
        test.setTimeout(300_000)
        const paths = await sitemapPaths(request)
        expect(paths.length).toBeGreaterThan(25)
        if (mode !== 'default') {
          await page.goto('/')
          await page.evaluate(() => {
            localStorage.setItem('a11y-font', 'large')
            localStorage.setItem('a11y-contrast', 'high')
          })
        }
        const failures: string[] = []
        for (const path of [...paths, '/404.html', `/search/?q=${encodeURIComponent('门前三包')}`]) {
          await page.goto(path)
          if (path.startsWith('/search/?')) await expect(page.locator('#search-counts-note')).toHaveText(/结果数|^$/)
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
          for (const v of violations) failures.push(`${path}: ${v.id} (${v.impact ?? ''}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
        }
        expect(failures).toEqual([])
      })
    })
  }
}
