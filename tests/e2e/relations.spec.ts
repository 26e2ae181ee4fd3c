// Documents that lead to each other: a policy's 解读 and the reports citing its 文号, a 简讯's bulletin and
// the bulletin's news entries, 专题 pages and feeds, 镇街 feeds, 相关阅读 (fixtures: tests/e2e/fixtures.ts).
import { expect, type Page, test } from '@playwright/test'

const linksSection = (page: Page, heading: string) => page.getByRole('complementary', { name: '相关内容' }).locator('section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) })

test('the resolution 门常发〔2021〕23号 shows its 解读 and the news that cite it', async ({ page }) => {
  await page.goto('/resolutions/mentougou-2021-23/')
  await expect(linksSection(page, '政策解读').getByRole('link')).toHaveText(['一图读懂三年冲刺行动决议'])
  // Cited as 门常发[2021]23号 in the text: the number is recognised in the spelling editors type.
  await expect(linksSection(page, '相关报道').getByRole('link', { name: '区人大常委会视察创城重点点位' })).toBeVisible()
  // The 解读 is listed once, under 政策解读, not again as a report or in 相关阅读.
  await expect(page.getByRole('complementary', { name: '相关内容' }).getByRole('link', { name: '一图读懂三年冲刺行动决议' })).toHaveCount(1)
  await expect(page.getByRole('complementary', { name: '相关内容' }).getByRole('link', { name: '誓夺全国文明城区三年冲刺行动' })).toHaveAttribute('href', '/topics/sannian-chongci/')
})

test('a news item leads to the policy it cites and to the one it explains', async ({ page }) => {
  await page.goto('/news/e2e-mentions-23/')
  await expect(linksSection(page, '相关政策文件').getByRole('link')).toHaveText([/门头沟区人大常委会关于深入推进誓夺全国文明城区三年冲刺行动的决议（门常发〔2021〕23号）/])
  await page.goto('/news/e2e-interprets-23/')
  await linksSection(page, '本文解读的政策文件').getByRole('link').click()
  await expect(page).toHaveURL(/\/resolutions\/mentougou-2021-23\/$/)
})

test('a bulletin issue lists its 简讯 published as news, and each leads back to it', async ({ page }) => {
  await page.goto('/bulletins/mentougou-kuaibao/673/')
  const entries = linksSection(page, '本期刊登为工作动态的稿件').getByRole('link')
  await expect(entries).toHaveCount(5)
  await expect(entries.filter({ hasText: '斋堂镇桑峪村举办第六届“三月三”民俗文化节' })).toHaveCount(1)
  await entries.filter({ hasText: '斋堂镇桑峪村' }).click()
  await expect(page.getByRole('link', { name: /工作快报 第673期/ }).first()).toBeVisible()
})

test('every detail page ends with a few related documents, never itself', async ({ page }) => {
  for (const path of ['/news/mentougou-lizu-shoushan/', '/figures/jingxi-laobing/', '/resolutions/dazu-2018-2020-action-plan/', '/bulletins/shoudu-jianbao/10/']) {
    await page.goto(path)
    const related = linksSection(page, '相关阅读').getByRole('link')
    const count = await related.count()
    expect(count, path).toBeGreaterThan(0)
    expect(count, path).toBeLessThanOrEqual(4)
    for (const href of await related.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).not.toBe(path)
  }
})

test('a 专题 page gathers everything filed under it, newest first, with its own feed', async ({ page, request }) => {
  await page.goto('/topics/')
  await page.getByRole('link', { name: '誓夺全国文明城区三年冲刺行动' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('誓夺全国文明城区三年冲刺行动')
  const dates = await page.locator('main .doc-list time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''))
  expect(dates.length).toBe(3)
  expect([...dates].sort().reverse()).toEqual(dates)
  await expect(page.locator('main .doc-list').getByRole('link', { name: /门常发〔2021〕23号/ })).toBeVisible()
  const feedHref = await page.locator('link[rel="alternate"][title^="专题"]').getAttribute('href')
  const feed = await request.get(feedHref!)
  expect(feed.headers()['content-type']).toContain('xml')
  const xml = await feed.text()
  expect(xml).toContain('<title>专题：誓夺全国文明城区三年冲刺行动')
  expect(xml.match(/<item>/g)?.length).toBe(3)
})

test('each 镇街 has a feed of all its documents', async ({ page, request }) => {
  await page.goto('/regions/zhaitang/')
  await expect(page.getByRole('link', { name: /订阅斋堂镇的全部信息/ })).toHaveAttribute('href', '/rss/regions/zhaitang.xml')
  const xml = await (await request.get('/rss/regions/zhaitang.xml')).text()
  expect(xml).toContain('<title>斋堂镇 - ')
  expect(xml).toContain('斋堂镇桑峪村举办第六届“三月三”民俗文化节')
})

test('related links are not searchable text of the page that lists them', async ({ page }) => {
  // The resolution lists this 解读 under 政策解读; searching the 解读's title must not find the resolution.
  await page.goto(`/search/?q=${encodeURIComponent('一图读懂')}`)
  await expect(page.locator('#search-status')).toContainText('共找到')
  await expect(page.locator('#search-results > li h2 a')).toHaveText(['一图读懂三年冲刺行动决议'])
})
