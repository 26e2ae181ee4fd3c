// Every content page stays under 50 KB gzip of HTML, CSS and JavaScript: what a phone downloads before
// anyone presses anything (朗读 and search load their code only when used; images are not counted).
import { gzipSync } from 'node:zlib'

import { expect, type Response, test } from '@playwright/test'

import { sitemapPaths } from './sitemap.ts'

const LIMIT = 50 * 1024
const COUNTED = new Set(['document', 'stylesheet', 'script'])

test('every content page weighs under 50 KB gzip (HTML + CSS + JS)', async ({ page, request }) => {
  test.setTimeout(180_000)
  // The search page is a tool, not content: its index is fetched as the query needs it.
  const paths = (await sitemapPaths(request)).filter((p) => !p.startsWith('/search/'))
  expect(paths.length).toBeGreaterThan(25)
  const weights: Record<string, number> = {}
  for (const path of paths) {
    const loaded: Promise<number>[] = []
    const onResponse = (response: Response) => {
      if (COUNTED.has(response.request().resourceType())) loaded.push(response.body().then((body) => gzipSync(body).length, () => 0))
    }
    page.on('response', onResponse)
    await page.goto(path, { waitUntil: 'networkidle' })
    page.off('response', onResponse)
    weights[path] = (await Promise.all(loaded)).reduce((a, b) => a + b, 0)
  }
  const heaviest = Object.entries(weights).sort((a, b) => b[1] - a[1])
  console.log(`最重的页面（gzip）：${heaviest.slice(0, 3).map(([p, w]) => `${p} ${(w / 1024).toFixed(1)} KB`).join('；')}`)
  expect(heaviest.filter(([, w]) => w > LIMIT)).toEqual([])
  // The weights are real: every page has at least its HTML and CSS.
  for (const [path, w] of heaviest) expect(w, path).toBeGreaterThan(2048)
})
