// A sample of the archive's query set (eval/archive-queries.ts) through the real search page, on a site
// built from the seed content plus the State Council work reports and NPC resolutions (global-setup.ts).
import { expect, type Page, test } from '@playwright/test'

import { HISTORICAL, readArchive } from '../../eval/archive.ts'
import { archiveQueries } from '../../eval/archive-queries.ts'
import { searchText } from '../../site/lib/search-text.ts'

const base = `http://localhost:${process.env.E2E_ARCHIVE_PORT!}`
const status = (page: Page) => page.locator('#search-status')
const titles = (page: Page) => page.locator('#search-results > li h2 a')

const search = async (page: Page, query: string) => {
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`)
  await expect(status(page)).toHaveText(/共找到|没有找到/)
}

const queries = archiveQueries(readArchive())
const kind = (k: string) => queries.filter((q) => q.kind === k)
// Every 20th clause (ten of them) in simplified and traditional characters, and five of each other kind.
const sample = [
  ...kind('clause').filter((_, i) => i % 20 === 0),
  ...kind('clause-traditional').filter((_, i) => i % 20 === 0),
  ...(['clause-simplified', 'report', 'report-state-council', 'report-traditional', 'year-chinese', 'meeting', 'meeting-short'] as const).flatMap((k) =>
    kind(k)
      .filter((_, i) => i % 4 === 0)
      .slice(0, 5),
  ),
  ...kind('doc-number-partial').slice(0, 10),
]
const FIRST_AMONG_FIVE = new Set(['clause', 'clause-traditional', 'clause-simplified'])

test.describe('the real archive', () => {
  for (const query of sample) {
    test(`[${query.kind}] ${query.q} finds its document ${FIRST_AMONG_FIVE.has(query.kind) ? 'among the first five' : 'first'}`, async ({ page }) => {
      await search(page, query.q)
      const shown = await titles(page).evaluateAll((links) => links.map((a) => `${a.textContent ?? ''} ${a.getAttribute('href') ?? ''}`))
      const rank = shown.findIndex((s) => new RegExp(query.expect[0]!).test(s)) + 1
      expect(rank, `${query.q}: ${shown.join(' | ')}`).toBeGreaterThan(0)
      if (!FIRST_AMONG_FIVE.has(query.kind)) expect(rank).toBe(1)
    })
  }

  test('a clause ranks its document first and shows the clause highlighted in the excerpt', async ({ page }) => {
    await search(page, '完善出口退税负担机制')
    await expect(titles(page).first()).toHaveText('2015年中华人民共和国国务院政府工作报告')
    await expect(page.locator('#search-results > li').first().locator('.excerpt')).toContainText('完善出口退税负担机制')
  })

  test('a quoted phrase finds only the pages that have it, in Chinese or ASCII quotation marks', async ({ page }) => {
    for (const quoted of ['“完善出口退税负担机制”', '"完善出口退税负担机制"']) {
      await search(page, quoted)
      await expect(status(page)).toContainText('共找到 1 条结果')
      await expect(titles(page)).toHaveText(['2015年中华人民共和国国务院政府工作报告'])
    }
  })

  test('an abbreviation finds pages that only use the full name, and the other way round', async ({ page }) => {
    await search(page, '十三届全国人大四次会议')
    await expect(titles(page).first()).toHaveText('第十三届全国人民代表大会第四次会议关于政府工作报告的决议')
    const texts = readArchive().map((d) => d.text)
    // Abbreviations that never occur in the archive: the pages are found by the full name.
    for (const [typed, written] of [
      ['GDP', '国内生产总值'],
      ['WTO', '世贸组织世界贸易组织'],
    ] as const) {
      expect(texts.some((t) => t.includes(typed))).toBe(false)
      await search(page, typed)
      await expect(status(page)).toContainText('共找到')
      await expect(page.locator('#search-results mark').first()).toHaveText(new RegExp(`^[${written}]+$`))
    }
    // A full name finds the pages that only use its abbreviation as well.
    const full = '全国人民代表大会常务委员会'
    await search(page, full)
    const total = Number(/共找到 (\d+) 条/.exec((await status(page).textContent()) ?? '')?.[1])
    expect(total).toBeGreaterThan(texts.filter((t) => t.includes(full)).length)
  })

  test('a simplified clause finds the report printed in traditional characters, and its excerpt shows the page’s own characters', async ({ page }) => {
    const report1954 = readArchive().find((d) => d.slug === 'gov-work-report-1954')!
    const query = kind('clause-simplified').find((q) => q.expect[0] === '/gov-work-report-1954/')!
    const at = searchText(report1954.text).indexOf(searchText(query.q))
    const written = report1954.text.slice(at, at + query.q.length)
    expect(written).not.toBe(query.q)
    await search(page, query.q)
    const first = page.locator('#search-results > li').filter({ has: page.locator('a[href="/resolutions/gov-work-report-1954/"]') })
    await expect(first.locator('.excerpt')).toContainText(written)
  })

  test('a historical document published as written carries the office’s note', async ({ page }) => {
    await page.goto(`${base}/resolutions/gov-work-report-1981/`)
    await expect(page.getByRole('note')).toHaveText(`原文照登：${HISTORICAL['gov-work-report-1981']!.note}`)
  })

  test('a phrase no page has says that the results only share some of its words', async ({ page }) => {
    await search(page, '宠物医院营业时间')
    await expect(status(page)).toHaveText(/没有找到|只含其中部分字词/)
  })
})
