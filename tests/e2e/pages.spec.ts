import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { expect, test } from '@playwright/test'

// Every seed document has its page, and each page shows the facts of its source document.

test('resolution 门常发〔2021〕23号 shows its metadata table and text', async ({ page }) => {
  await page.goto('/resolutions/mentougou-2021-23/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('门头沟区人大常委会关于深入推进誓夺全国文明城区三年冲刺行动的决议')
  const facts = page.locator('table.facts')
  await expect(facts.getByRole('row', { name: /文号/ })).toContainText('门常发〔2021〕23号')
  await expect(facts.getByRole('row', { name: /发文机关/ })).toContainText('门头沟区人大常委会')
  await expect(facts.getByRole('row', { name: /通过\/成文日期/ })).toContainText('2021年4月27日')
  await expect(facts.getByRole('row', { name: /会议/ })).toContainText('第三十五次会议')
  await expect(facts.getByRole('row', { name: /有效性/ })).toContainText('现行有效')
  await expect(page.getByRole('heading', { name: '四、强化责任，聚智聚力，推动创建全国文明城区工作全面落实' })).toBeVisible()
})

test('the 大足区 action plan shows its publication time and category', async ({ page }) => {
  await page.goto('/resolutions/dazu-2018-2020-action-plan/')
  const facts = page.locator('table.facts')
  await expect(facts.getByRole('row', { name: /发布日期/ })).toContainText('2018年8月2日 09:56')
  await expect(facts.getByRole('row', { name: /原发布栏目/ })).toContainText('公示公告')
  await expect(facts.getByRole('row', { name: /实施期间/ })).toContainText('2018—2020年')
  await expect(page.getByRole('heading', { name: '五、实施步骤' })).toBeVisible()
})

test('bulletin 673 is laid out like the printed bulletin', async ({ page }) => {
  await page.goto('/bulletins/mentougou-kuaibao/673/')
  const masthead = page.locator('.masthead')
  await expect(masthead).toContainText('门头沟区创建全国文明城市工作快报')
  await expect(masthead).toContainText('第673期')
  await expect(masthead).toContainText('门头沟区创建全国文明城市工作领导小组办公室')
  await expect(masthead).toContainText('2022年4月13日')
  for (const heading of ['【指挥调度】', '【检查督导】', '【简讯】']) await expect(page.getByRole('heading', { name: heading })).toBeVisible()
  await expect(page.locator('.source').first()).toHaveText('（本刊）')
  await expect(page.locator('.signoff')).toHaveText(/编校：李国栋\s*审核：张东辉\s*核签：李争三/)
  await expect(page.locator('.distribution')).toContainText('报：首都文明办、区委、区人大、区政府、区政协领导同志')
  await expect(page.locator('.distribution')).toContainText('发：全区各单位主要领导、创城工作主管领导、信息员')
  await expect(page.locator('.contact-line')).toContainText('mtgccbxcz@bjmtg.gov.cn')
  await expect(page.locator('.brief')).toContainText('【文明培育】')
  await expect(page.locator('.brief')).toContainText('东辛房街道：近日，石门营五区')
})

test('briefing 10 shows 总第2202期, attributed items and its sign-off', async ({ page }) => {
  await page.goto('/bulletins/shoudu-jianbao/10/')
  await expect(page.locator('.masthead')).toContainText('第10期（总第2202期）')
  await expect(page.locator('.masthead')).toContainText('2022年4月29日')
  for (const source of ['（中央军委政治工作部群众工作局）', '（精神文明综合协调处、精神文明创建活动指导处）', '（丰台区文明办）']) {
    await expect(page.locator('.source', { hasText: source })).toBeVisible()
  }
  await expect(page.locator('.signoff')).toHaveText(/责编：梅雪峰\s*核稿：吕俊超/)
  await expect(page.locator('.distribution')).toContainText('送：首都文明委委员')
  await expect(page.locator('.contact-line')).toContainText('传真：55569505')
})

test('the feature article shows its 数说 key figures and authors', async ({ page }) => {
  await page.goto('/news/mentougou-lizu-shoushan/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('立足首善，全力谋划文明“大文章”')
  await expect(page.getByText('——北京市门头沟区推进创建全国文明城区工作再上新台阶')).toBeVisible()
  await expect(page.locator('header .meta')).toContainText('作者：朱凡 张东辉')
  const figures = page.locator('.key-figures')
  for (const value of ['360个', '5170个', '1864个', '315个', '7.1万余人', '2439支', '240项', '1.35亿元']) await expect(figures).toContainText(value)
})

test('document pages say when they went public here, a correction shows 更新于, and the footer is 站点设置', async ({ page }) => {
  for (const path of ['/news/mentougou-lizu-shoushan/', '/resolutions/mentougou-2021-23/', '/bulletins/mentougou-kuaibao/673/', '/figures/jingxi-laobing/']) {
    await page.goto(path)
    expect(await page.locator('.publish-dates').innerText(), path).toMatch(/^本站发布：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    await expect(page.locator('.site-footer')).toContainText('主办单位：门头沟区创建全国文明城市工作领导小组办公室')
    await expect(page.locator('.site-footer')).toContainText('电话：69822006')
  }
  await page.goto('/news/e2e-corrected/')
  expect(await page.locator('.publish-dates').innerText()).toMatch(/^本站发布：2022年4月10日 12:00\s+更新于 \d{4}年/)
})

test('a 简讯 item is a news page linked back to its bulletin', async ({ page }) => {
  await page.goto('/news/2022-04-13-zhaitang-sangyu-sanyuesan/')
  await expect(page.getByRole('link', { name: '斋堂镇' })).toBeVisible()
  await page.getByRole('link', { name: '门头沟区创建全国文明城市工作快报 第673期' }).click()
  await expect(page).toHaveURL(/\/bulletins\/mentougou-kuaibao\/673\/$/)
})

test('model figures have responsive placeholder portraits that say they are placeholders', async ({ page }) => {
  await page.goto('/figures/baiyu-sheyuan-jutuan/')
  const img = page.locator('article picture img')
  await expect(img).toHaveAttribute('alt', /占位图/)
  await expect(img).toHaveAttribute('width', /\d+/)
  await expect(img).toHaveAttribute('height', /\d+/)
  // The WebP sizes Payload made on upload, for the browser to pick from.
  await expect(page.locator('article picture source[type="image/webp"]')).toHaveAttribute('srcset', /\/media\/\S+ 320w, \/media\/\S+ 640w/)
  await page.goto('/')
  await expect(page.locator('.grid picture img').first()).toHaveAttribute('loading', 'lazy')
})

test('unknown addresses get the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/no-such-page/')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面未找到')
})

test('content pages work with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/bulletins/mentougou-kuaibao/673/')
  await expect(page.locator('.signoff')).toContainText('核签：李争三')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('政策文件')
  await context.close()
})

test('feeds, sitemap, canonical and Open Graph tags are present', async ({ page, request }) => {
  for (const feed of ['/rss/news.xml', '/rss/bulletins.xml', '/rss/resolutions.xml']) {
    const res = await request.get(feed)
    expect(res.ok()).toBe(true)
    expect(await res.text()).toContain('<rss')
  }
  expect(await (await request.get('/rss/resolutions.xml')).text()).toContain('门常发〔2021〕23号')
  expect((await request.get('/sitemap-index.xml')).ok()).toBe(true)
  await page.goto('/news/mentougou-lizu-shoushan/')
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/news\/mentougou-lizu-shoushan\/$/)
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', '立足首善，全力谋划文明“大文章”')
  await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('工作动态')
})

test('pages are sent brotli-compressed, gzip-compressed or plain, as the client accepts, and read the same', async ({ baseURL }) => {
  const get = (encoding: string) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = http.get(new URL('/resolutions/mentougou-2021-23/', baseURL), { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
    })
  const br = await get('gzip, deflate, br')
  const gzip = await get('gzip, deflate')
  const plain = await get('')
  expect([br.encoding, gzip.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined])
  const html = plain.body.toString()
  expect(html).toContain('门常发〔2021〕23号')
  expect(brotliDecompressSync(br.body).toString()).toBe(html)
  expect(gunzipSync(gzip.body).toString()).toBe(html)
})

test('documents carry the security headers; scripts and search data carry only nosniff', async ({ request }) => {
  for (const url of ['/', '/search/', '/favicon.svg', '/rss/news.xml', '/no-such-page/']) {
    const headers = (await request.get(url)).headers()
    expect(headers['content-security-policy'], url).toContain("frame-ancestors 'self'")
    expect(headers['x-frame-options'], url).toBe('SAMEORIGIN')
    expect(headers['x-content-type-options'], url).toBe('nosniff')
  }
  const partitions = (await (await request.get('/pagefind/partitions.json')).json()) as { base: { path: string }[] }
  for (const url of ['/pagefind/partitions.json', `${partitions.base[0]!.path}pagefind.js`, `${partitions.base[0]!.path}wasm.unknown.pagefind`]) {
    const headers = (await request.get(url)).headers()
    expect(headers['x-content-type-options'], url).toBe('nosniff')
    expect(headers['content-security-policy'], url).toBeUndefined()
  }
})
