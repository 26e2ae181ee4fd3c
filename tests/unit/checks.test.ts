import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { livePages } from '../../cms/checks/context.ts'
import { type CheckContext, runChecks } from '../../cms/checks/run.ts'
import { routeTable, type SiteData } from '../../site/lib/routes.ts'

const context = (over: Partial<CheckContext> = {}): CheckContext => ({
  rules: [],
  hasPage: async (pathname) => ['/', '/news/', '/news/real/'].includes(pathname),
  siteOrigin: 'https://www.example.gov.cn',
  altOf: async (media) => (media === 1 ? '斋堂镇民俗文化节现场' : media === 2 ? '  ' : null),
  ...over,
})
const link = (url: string) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', fields: { url }, children: [{ type: 'text', text: '链接' }] }] }] },
})

describe('the checks beyond the rules', () => {
  it('finds links to pages of this site that do not exist, and leaves other sites alone', async () => {
    for (const [url, dead] of [
      ['/news/real/', false],
      ['https://www.example.gov.cn/news/real', false],
      ['/news/gone/', true],
      ['https://www.example.gov.cn/resolutions/nothing/', true],
      ['https://www.gov.cn/zhengce/', false],
    ] as const) {
      const found = await runChecks('news', { title: '标题', body: link(url) }, context())
      expect(found.filter((f) => f.kind === '失效链接').length, url).toBe(dead ? 1 : 0)
    }
    // Without a live release there is nothing to check links against.
    expect(await runChecks('news', { title: '标题', body: link('/news/gone/') }, context({ hasPage: null }))).toEqual([])
  })

  it('finds images without alt text and headings with nothing under them', async () => {
    const found = await runChecks('news', { title: '标题', cover: 2, body: await markdownToRichText('## 一、总体要求\n\n## 二、主要任务\n\n正文。\n\n## 三、保障措施') }, context())
    expect(found.map((f) => `${f.severity} ${f.kind} ${f.where}`)).toEqual([
      '禁止 图片缺少替代文字 题图',
      '提醒 空栏目 正文第1段的小标题“一、总体要求”下没有内容',
      '提醒 空栏目 正文第4段的小标题“三、保障措施”下没有内容',
    ])
    expect(await runChecks('news', { title: '标题', cover: 1, body: await markdownToRichText('正文。') }, context())).toEqual([])
  })

  it('flags a bulletin section without items', async () => {
    const found = await runChecks('bulletins', { sections: [{ heading: '简讯', items: [] }] }, context())
    expect(found).toEqual([expect.objectContaining({ kind: '空栏目', where: '【简讯】没有稿件' })])
  })
})

describe('站点设置 on every page', () => {
  it('is part of every route’s props, so changing it re-renders every page', () => {
    const data: SiteData = { regions: [], topics: [], series: [], resolutions: [], bulletins: [], news: [], figures: [], synonyms: [], pages: ['about'], site: { name: '某区文明创建', tagline: null, description: null, sponsor: '某区文明办', organizer: null, phone: null, email: null, address: null, siteCode: null, icp: null, psb: null, psbUrl: null, conacUrl: null } }
    const routes = routeTable(data)
    expect(routes.size).toBeGreaterThan(5)
    for (const [url, route] of routes) expect((route.props as { site?: { sponsor: string } }).site?.sponsor, url).toBe('某区文明办')
  })
})

describe('the live site a link is checked against', () => {
  it('finds a page by its one file in the release dist points at, and nothing outside it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'live-pages-'))
    const site = path.join(root, 'releases', 'r1', 'site')
    await mkdir(path.join(site, 'news', 'real'), { recursive: true })
    await writeFile(path.join(site, 'index.html'), '')
    await writeFile(path.join(site, 'news', 'real', 'index.html'), '')
    await writeFile(path.join(root, 'secret.html'), '')
    await symlink(site, path.join(root, 'dist'))
    const saved = process.env.SITE_DIST
    process.env.SITE_DIST = path.join(root, 'dist')
    try {
      const hasPage = (await livePages())!
      expect(await Promise.all(['/', '/news/real/', '/news/gone/', '/news/', '/../../../secret', '/%2e%2e/%2e%2e/%2e%2e/secret'].map(hasPage))).toEqual([true, true, false, false, false, false])
      process.env.SITE_DIST = path.join(root, 'nothing-here')
      expect(await livePages()).toBeNull()
    } finally {
      process.env.SITE_DIST = saved
      await rm(root, { recursive: true, force: true })
    }
  })
})
