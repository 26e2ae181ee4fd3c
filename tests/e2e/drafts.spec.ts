import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

/** Every text file of the built site (pages, feeds, sitemap, search index metadata). */
const builtText = () => {
  const dist = path.join(process.env.E2E_DATA_DIR!, 'dist')
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|xml|json|txt|js)$/.test(e.name))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n')
}

test('drafts never reach the built site, published documents do', async ({ page }) => {
  const markers = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR!, 'markers.json'), 'utf8')) as Record<string, string>
  const text = builtText()
  expect(text).toContain(markers.published)
  expect(text).not.toContain(markers.draft)
  expect(text).not.toContain(markers.draftEdit)
  // The published version of the edited plan is still there.
  await page.goto('/resolutions/dazu-2018-2020-action-plan/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('大足区创建全国文明城区三年行动计划（2018—2020年）')
})
