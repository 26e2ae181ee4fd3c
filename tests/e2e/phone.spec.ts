// The portal on a phone (375 × 667) and on a desktop (1280 px): the compact header and its 菜单 disclosure,
// results before filters on the search page, no sideways scrolling, tap targets; screenshots of every
// page kind at both widths are attached to the test report.
import { expect, type Page, test } from '@playwright/test'

const PAGES = {
  home: '/',
  news: '/news/mentougou-lizu-shoushan/',
  bulletin: '/bulletins/mentougou-kuaibao/673/',
  briefing: '/bulletins/shoudu-jianbao/10/',
  resolution: '/resolutions/mentougou-2021-23/',
  figure: '/figures/baiyu-sheyuan-jutuan/',
  about: '/about/',
  list: '/news/',
  topic: '/topics/sannian-chongci/',
  search: '/search/?q=%E9%97%A8%E5%89%8D%E4%B8%89%E5%8C%85',
}
const PHONE = { width: 375, height: 667 }

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)
const settle = async (page: Page, path: string) => {
  if (path.startsWith('/search/')) await expect(page.locator('#search-status')).toHaveText(/共找到|没有找到/)
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE })

  for (const [kind, path] of Object.entries(PAGES)) {
    test(`${kind}: a compact header, no sideways scrolling in any display mode`, async ({ page }, info) => {
      await page.goto(path)
      await settle(page, path)
      const header = await page.locator('.site-header').boundingBox()
      expect(header!.height).toBeLessThanOrEqual(120)
      expect(await noSidewaysScroll(page)).toBe(true)
      await info.attach(`${kind}-375.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
      // 大字版 and 高对比度 are in the menu on a phone.
      await page.getByText('菜单', { exact: true }).click()
      await page.getByRole('button', { name: '大字版' }).click()
      await page.getByRole('button', { name: '高对比度' }).click()
      await page.reload()
      await settle(page, path)
      expect(await noSidewaysScroll(page)).toBe(true)
      await info.attach(`${kind}-375-large-contrast.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
    })
  }

  test('the menu is a disclosure that opens by keyboard, and its controls are at least 44 px tall', async ({ page }) => {
    await page.goto('/')
    const menuLink = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' })
    await expect(menuLink).toBeHidden()
    const summary = page.locator('.menu > summary')
    await summary.focus()
    await page.keyboard.press('Enter')
    await expect(menuLink).toBeVisible()
    for (const target of [summary, page.locator('.search-link'), menuLink, page.getByRole('button', { name: '大字版' })]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    }
    await page.keyboard.press('Enter')
    await expect(menuLink).toBeHidden()
  })

  test('the search page shows the first result without scrolling past the filters', async ({ page }) => {
    await page.goto(PAGES.search)
    await settle(page, PAGES.search)
    const first = await page.locator('#search-results > li').first().boundingBox()
    expect(first!.y).toBeLessThan(PHONE.height)
    await expect(page.getByRole('group', { name: '类型' })).toBeHidden()
    await page.getByText('筛选', { exact: true }).click()
    await expect(page.getByRole('group', { name: '类型' })).toBeVisible()
  })
})

test.describe('on the narrowest phone (320 px)', () => {
  test.use({ viewport: { width: 320, height: 568 } })

  // The pages with the widest content: the 政策文件 metadata table, the bulletin's masthead, sign-off and
  // distribution lines, the related documents, the search page with its filters open.
  for (const kind of ['resolution', 'bulletin', 'briefing', 'news', 'search'] as const) {
    test(`${kind}: reads without sideways scrolling in both display modes`, async ({ page }, info) => {
      const path = PAGES[kind]
      for (const mode of ['default', 'large+contrast']) {
        if (mode !== 'default') {
          await page.evaluate(() => {
            localStorage.setItem('a11y-font', 'large')
            localStorage.setItem('a11y-contrast', 'high')
          })
        }
        await page.goto(path)
        await settle(page, path)
        if (kind === 'search') await page.getByText('筛选', { exact: true }).click()
        expect(await noSidewaysScroll(page), `${kind} ${mode}`).toBe(true)
        // No element sticks out of the viewport either (a table cell or a long 文号 clipped by overflow).
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.tagName + '.' + e.className),
        )
        expect(wide, `${kind} ${mode}`).toEqual([])
        await info.attach(`${kind}-320-${mode}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
      }
    })
  }
})

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false })

  test('the menu is open and every link is reachable', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' })).toBeVisible()
    expect(await noSidewaysScroll(page)).toBe(true)
  })
})

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } })

  for (const [kind, path] of Object.entries(PAGES)) {
    test(`${kind}: the menu and search box in the header, filters beside the results`, async ({ page }, info) => {
      await page.goto(path)
      await settle(page, path)
      await expect(page.locator('.menu > summary')).toBeHidden()
      await expect(page.getByRole('searchbox', { name: '搜索全站' })).toBeVisible()
      if (kind === 'search') {
        const results = await page.locator('#search-results').boundingBox()
        const filters = await page.getByRole('group', { name: '类型' }).boundingBox()
        expect(filters!.x).toBeGreaterThan(results!.x + results!.width - 1)
      }
      expect(await noSidewaysScroll(page)).toBe(true)
      await info.attach(`${kind}-1280.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
    })
  }
})
