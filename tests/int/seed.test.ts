import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { richTextToPlainText } from '../../cms/lib/richText.ts'
import { seed } from '../../cms/seed/index.ts'
import { cms } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

const COLLECTIONS = ['users', 'regions', 'bulletin-series', 'figures', 'media', 'resolutions', 'bulletins', 'news'] as const

describe('seed', () => {
  it('changes nothing when it runs a second time', async () => {
    const counts = async () =>
      Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, (await payload.count({ collection: c, overrideAccess: true })).totalDocs])))
    const before = await counts()
    const snapshot = await payload.find({ collection: 'bulletins', where: { issueNumber: { equals: 673 } }, overrideAccess: true })
    const report = await seed(payload, { password: 'integration-password' })
    expect(report.created).toBe(0)
    expect(report.existing).toBeGreaterThanOrEqual(28)
    expect(await counts()).toEqual(before)
    const after = await payload.find({ collection: 'bulletins', where: { issueNumber: { equals: 673 } }, overrideAccess: true })
    expect(after.docs[0]?.updatedAt).toBe(snapshot.docs[0]?.updatedAt)
  })

  it('holds the facts of the resolution', async () => {
    const { docs } = await payload.find({ collection: 'resolutions', where: { docNumber: { equals: '门常发〔2021〕23号' } }, overrideAccess: false })
    const [r] = docs
    expect(r?.adoptedAt?.slice(0, 10)).toBe('2021-04-27')
    expect(r?.issuer).toBe('门头沟区人大常委会')
    expect(r?.meeting).toBe('门头沟区第十六届人民代表大会常务委员会第三十五次会议')
    const text = richTextToPlainText(r?.body)
    expect(text).toContain('四、强化责任，聚智聚力，推动创建全国文明城区工作全面落实')
    expect(text).toContain('做出新的贡献。')
  })

  it('holds bulletin 673 with its sign-off, distribution and 简讯 items as linked news', async () => {
    const { docs } = await payload.find({ collection: 'bulletins', where: { issueNumber: { equals: 673 } }, depth: 1, overrideAccess: false })
    const [b] = docs
    expect(b?.title).toBe('门头沟区创建全国文明城市工作快报 第673期')
    expect(b?.signoff).toMatchObject({ editor: '李国栋', reviewer: '张东辉', signer: '李争三' })
    expect(b?.distribution?.reportTo).toBe('首都文明办、区委、区人大、区政府、区政协领导同志')
    expect(b?.sections?.map((s) => s.heading)).toEqual(['指挥调度', '检查督导', '简讯'])
    const text = (b?.sections ?? []).flatMap((s) => s.items ?? []).map((i) => richTextToPlainText(i.body)).join('\n')
    // Page breaks inside words are repaired and no stray markers remain.
    expect(text).toContain('区委区政府对文明城区创建工作的高度重视')
    expect(text).toContain('主责主业落实')
    expect(text).not.toContain('**')

    const news = await payload.find({ collection: 'news', where: { sourceBulletin: { equals: b!.id } }, depth: 1, overrideAccess: false })
    expect(news.totalDocs).toBe(5)
    const regions = news.docs.map((n) => (typeof n.region === 'object' ? n.region?.name : undefined)).sort()
    expect(regions).toEqual(['东辛房街道', '东辛房街道', '斋堂镇', '永定镇', '永定镇'])
  })

  it('holds briefing 10 (总第2202期) with its three attributed items', async () => {
    const { docs } = await payload.find({ collection: 'bulletins', where: { totalIssueNumber: { equals: 2202 } }, overrideAccess: false })
    const [b] = docs
    expect(b?.issueNumber).toBe(10)
    expect(b?.date?.slice(0, 10)).toBe('2022-04-29')
    const items = b?.sections?.flatMap((s) => s.items ?? []) ?? []
    expect(items.map((i) => i.source)).toEqual(['中央军委政治工作部群众工作局', '精神文明综合协调处、精神文明创建活动指导处', '丰台区文明办'])
    expect(b?.signoff).toMatchObject({ editor: '梅雪峰', reviewer: '吕俊超' })
    expect(b?.distribution?.sendTo).toContain('首都文明委委员')
  })

  it('holds the feature article with its 数说 figures and the exemplary teams with placeholder portraits', async () => {
    const { docs } = await payload.find({ collection: 'news', where: { slug: { equals: 'mentougou-lizu-shoushan' } }, overrideAccess: false })
    const figuresOfArticle = docs[0]?.keyFigures?.map((k) => `${k.value}${k.unit ?? ''}`)
    expect(figuresOfArticle).toEqual(['360个', '5170个', '1864个', '315个', '7.1万余人', '2439支', '240项', '1.35亿元'])
    expect(docs[0]?.authors).toBe('朱凡 张东辉')

    const teams = await payload.find({ collection: 'figures', depth: 1, sort: 'name', overrideAccess: false })
    expect(teams.docs.map((f) => f.name)).toEqual(
      expect.arrayContaining(['京西老兵志愿服务队', '柏峪社员剧团', '“巾帼法治”法治专项志愿服务中队', '门头沟区新时代文明实践中心志愿服务总队']),
    )
    for (const team of teams.docs) {
      expect(team.kind).toBe('集体')
      const portrait = team.portrait
      expect(typeof portrait === 'object' && portrait?.alt).toContain('占位图')
      expect(typeof portrait === 'object' && portrait?.sizes?.card?.mimeType).toBe('image/webp')
    }
  })

  it('creates one demo account per role', async () => {
    const { docs } = await payload.find({ collection: 'users', sort: 'email', overrideAccess: true })
    expect(docs.map((u) => [u.email, u.roles])).toEqual([
      ['admin@example.com', ['admin']],
      ['editor@example.com', ['editor']],
      ['reviewer@example.com', ['reviewer']],
      ['signer@example.com', ['signer']],
    ])
    const login = await payload.login({ collection: 'users', data: { email: 'signer@example.com', password: 'integration-password' } })
    expect(login.token).toBeTruthy()
  })
})
