import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { expect, type Page, test } from '@playwright/test'

const status = (page: Page) => page.locator('#search-status')
const results = (page: Page) => page.locator('#search-results > li')
const search = async (page: Page, query: string) => {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`)
  await expect(status(page)).toHaveText(/共找到|没有找到/)
}

test('a Chinese phrase finds its documents, with type, date and a highlighted excerpt', async ({ page }) => {
  await search(page, '门前三包')
  const titles = await results(page).locator('h2').allTextContents()
  expect(titles).toEqual(expect.arrayContaining(['门头沟区创建全国文明城市工作快报 第673期', '立足首善，全力谋划文明“大文章”']))
  const first = results(page).first()
  await expect(first.locator('.tag')).toHaveText(/政策文件|简报快报|工作动态|文明典型/)
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/)
  await expect(first.locator('.excerpt mark').first()).toBeVisible()
  // The index holds its text split into words; the excerpt reads as the page does, without the spaces.
  for (const excerpt of await results(page).locator('.excerpt').allTextContents()) expect(excerpt).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u)
  expect((await results(page).locator('.excerpt').allTextContents()).join('')).toContain('门前三包')
})

for (const spelling of ['门常发〔2021〕23号', '门常发[2021]23号', '门常发(2021)23号', '门常发2021年23号']) {
  test(`the document number ${spelling} finds the resolution first`, async ({ page }) => {
    await search(page, spelling)
    await expect(results(page).first().locator('h2')).toHaveText('门头沟区人大常委会关于深入推进誓夺全国文明城区三年冲刺行动的决议')
  })
}

test('a synonym from 搜索设置 finds pages that only use the full term', async ({ page }) => {
  // 创文 appears in no document; pages saying 创建全国文明城区 are indexed with it.
  await search(page, '创文')
  await expect(status(page)).toContainText('共找到')
  const titles = await results(page).locator('h2').allTextContents()
  expect(titles).toContain('门头沟区人大常委会关于深入推进誓夺全国文明城区三年冲刺行动的决议')
  await expect(page.locator('main')).not.toContainText('没有找到')
})

test('each filter narrows the results, and the URL keeps it', async ({ page }) => {
  // Totals as the status line gives them: the list shows only the first few.
  const total = async () => Number(/共找到 (\d+) 条/.exec((await status(page).textContent()) ?? '')?.[1])
  await search(page, '文明')
  const all = await total()
  for (const [group, value] of [
    ['类型', '简报快报'],
    ['年份', '2021'],
    ['发文机关·刊物', '门头沟区人大常委会'],
    ['镇街', '大足区'],
  ] as const) {
    await page.goto('/search/?q=文明')
    await expect(status(page)).toContainText('共找到')
    const box = page.getByRole('group', { name: group }).getByRole('checkbox', { name: new RegExp(`^${value}\\s*(（\\d+）)?$`) })
    await box.focus()
    await page.keyboard.press('Space')
    await expect(box).toBeChecked()
    await expect(page).toHaveURL(new RegExp(encodeURIComponent(group === '发文机关·刊物' ? '发文机关或刊物' : group)))
    await expect(status(page)).toContainText('共找到')
    const filtered = await total()
    expect(filtered, `${group}=${value}`).toBeGreaterThan(0)
    expect(filtered, `${group}=${value}`).toBeLessThan(all)
    for (const li of await results(page).all()) {
      if (group === '类型') await expect(li.locator('.tag')).toHaveText(value)
      if (group === '年份') await expect(li.locator('time')).toHaveAttribute('datetime', /^2021-/)
    }
  }
})

test('each filter value shows how many results it gives, with the other groups applied', async ({ page }) => {
  const total = async () => Number(/共找到 (\d+) 条/.exec((await status(page).textContent()) ?? '')?.[1])
  const countsOf = async (group: string) =>
    (await page.getByRole('group', { name: group }).locator('label').allTextContents()).map((text) => {
      const [, value = '', count = ''] = /^\s*(.+?)\s*（(\d+)）$/.exec(text) ?? []
      return { value, count: Number(count) }
    })
  const note = page.locator('#search-counts-note')
  for (const start of ['/search/?q=文明', `/search/?q=文明&${new URLSearchParams({ 年份: '2022' }).toString()}`]) {
    await page.goto(start)
    await expect(note).toHaveText('括号内为本次搜索中各项的结果数。')
    const types = await countsOf('类型')
    expect(types.length).toBeGreaterThan(1)
    expect(types.some((t) => t.count > 0)).toBe(true)
    for (const { value, count } of types) {
      await page.goto(start)
      await expect(note).toHaveText('括号内为本次搜索中各项的结果数。')
      await page.getByRole('group', { name: '类型' }).getByRole('checkbox', { name: new RegExp(`^${value}`) }).check()
      await expect(status(page)).toHaveText(count > 0 ? /共找到/ : /没有/)
      expect(count > 0 ? await total() : 0, `${start} 类型=${value}`).toBe(count)
    }
  }
})

test('sorting by date orders the results newest first, and oldest first', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('文明')}&sort=date-desc`)
  await expect(status(page)).toContainText('按日期排序')
  const desc = await results(page).locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''))
  expect(desc.length).toBeGreaterThan(3)
  expect(desc).toEqual([...desc].sort().reverse())
  await page.locator('#search-sort').selectOption('date-asc')
  await expect(page).toHaveURL(/sort=date-asc/)
  await expect.poll(async () => results(page).locator('time').first().getAttribute('datetime')).toBe('2018-08-02')
  const asc = await results(page).locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''))
  expect(asc).toEqual([...asc].sort())
})

test('the search page is one HTML document: nothing follows </html> (its script once did)', async ({ request }) => {
  const html = await (await request.get('/search/')).text()
  expect(html.trimEnd().endsWith('</html>')).toBe(true)
  expect(html.match(/<script/g)?.length).toBe(html.slice(0, html.indexOf('</body>')).match(/<script/g)?.length)
})

test('a query with no results says so and suggests what to do', async ({ page }) => {
  await search(page, '火星探测器')
  await expect(status(page)).toHaveText('没有找到与“火星探测器”相关的内容。')
  await expect(page.locator('#search-empty')).toBeVisible()
  await expect(page.locator('#search-empty')).toContainText('换用更短')
})

test('the header search box works by keyboard from any page, in 大字版', async ({ page }) => {
  await page.goto('/figures/')
  await page.getByRole('button', { name: '大字版' }).click()
  const box = page.getByRole('searchbox', { name: '搜索全站' })
  await box.focus()
  await page.keyboard.type('柏峪社员剧团')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\/\?q=/)
  await expect(status(page)).toContainText('共找到')
  await expect(status(page)).toHaveAttribute('aria-live', 'polite')
  await expect(results(page).first().locator('h2')).toHaveText('柏峪社员剧团')
  await expect(page.locator('html')).toHaveAttribute('data-font', 'large')
})

test('npm run eval:search reaches 100% recall on the shared query set', () => {
  test.setTimeout(120_000)
  const root = path.resolve(import.meta.dirname, '../..')
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/eval-search.ts')], {
    cwd: root,
    env: { ...process.env, SITE_DIST: path.join(process.env.E2E_DATA_DIR!, 'dist') },
    encoding: 'utf8',
  })
  expect(run.stdout).toContain('召回率')
  expect(run.status, run.stdout + run.stderr).toBe(0)
})
