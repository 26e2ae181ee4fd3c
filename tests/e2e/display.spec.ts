import { expect, type Page, test } from '@playwright/test'

const rootFontSize = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))

test('大字版 works by keyboard and persists across pages', async ({ page }) => {
  await page.goto('/')
  const before = await rootFontSize(page)
  const toggle = page.getByRole('button', { name: '大字版' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  // Skip link first, then the brand link, then the toggle.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(toggle).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-font', 'large')
  expect(await rootFontSize(page)).toBeGreaterThan(before * 1.15)

  await page.goto('/bulletins/mentougou-kuaibao/673/')
  await expect(page.locator('html')).toHaveAttribute('data-font', 'large')
  await expect(page.getByRole('button', { name: '大字版' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('button', { name: '大字版' }).focus()
  await page.keyboard.press('Space')
  await expect(page.locator('html')).not.toHaveAttribute('data-font', 'large')
})

test('高对比度 works by keyboard and persists across pages', async ({ page }) => {
  await page.goto('/news/')
  const toggle = page.getByRole('button', { name: '高对比度' })
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high')
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bg).toBe('rgb(0, 0, 0)')
  await page.goto('/figures/')
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high')
  await expect(page.getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true')
})

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/news/')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
})
