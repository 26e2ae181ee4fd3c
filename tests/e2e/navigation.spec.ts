import { expect, test } from '@playwright/test'

test('from the home page to every kind of page', async ({ page }) => {
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: '主导航' })

  await nav.getByRole('link', { name: '工作动态' }).click()
  await page.getByRole('link', { name: '东辛房街道石门营一区社区新装休闲座椅18把' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('东辛房街道石门营一区社区新装休闲座椅18把')

  await nav.getByRole('link', { name: '简报快报' }).click()
  await page.getByRole('link', { name: '第673期' }).click()
  await expect(page.locator('.masthead')).toContainText('第673期')

  await nav.getByRole('link', { name: '政策文件' }).click()
  await page.getByRole('link', { name: /三年冲刺行动的决议/ }).click()
  await expect(page.locator('table.facts')).toContainText('门常发〔2021〕23号')

  await nav.getByRole('link', { name: '文明典型' }).click()
  await page.getByRole('link', { name: '京西老兵志愿服务队' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('京西老兵志愿服务队')

  await nav.getByRole('link', { name: '镇街' }).click()
  await page.getByRole('link', { name: '斋堂镇' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('斋堂镇工作动态')

  await nav.getByRole('link', { name: '关于创建' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于创建全国文明城区')

  await page.getByRole('link', { name: '首页' }).first().click()
  await page.getByRole('link', { name: '首都精神文明建设情况简报 第10期（总第2202期）' }).click()
  await expect(page.locator('.masthead')).toContainText('总第2202期')
})

test('the 镇街 filter shows only that 镇街’s news', async ({ page }) => {
  await page.goto('/news/')
  const filter = page.getByRole('navigation', { name: '按镇街筛选' })
  await filter.getByRole('link', { name: '永定镇' }).click()
  await expect(page).toHaveURL(/\/regions\/yongding\/$/)
  await expect(filter.getByRole('link', { name: '永定镇' })).toHaveAttribute('aria-current', 'page')
  const items = page.locator('.doc-list > li')
  await expect(items).toHaveCount(2)
  for (const meta of await items.locator('.meta').allTextContents()) expect(meta).toContain('永定镇')
})

test('the category filter shows only that category', async ({ page }) => {
  await page.goto('/news/')
  await page.getByRole('navigation', { name: '按类别筛选' }).getByRole('link', { name: '文明培育' }).click()
  const items = page.locator('.doc-list > li')
  await expect(items).toHaveCount(2)
  for (const meta of await items.locator('.tag').allTextContents()) expect(meta).toBe('文明培育')
})

test('the document type and year filters of 政策文件', async ({ page }) => {
  await page.goto('/resolutions/')
  await expect(page.locator('.doc-list > li')).toHaveCount(2)
  await page.getByRole('navigation', { name: '按文件类型筛选' }).getByRole('link', { name: '行动计划' }).click()
  await expect(page.locator('.doc-list > li')).toHaveCount(1)
  await expect(page.locator('.doc-list')).toContainText('大足区创建全国文明城区三年行动计划')
  await page.getByRole('navigation', { name: '按年份筛选' }).getByRole('link', { name: '2021年' }).click()
  await expect(page.locator('.doc-list > li')).toHaveCount(1)
  await expect(page.locator('.doc-list')).toContainText('门常发〔2021〕23号')
})
