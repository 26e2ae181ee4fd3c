/**
 * Generates N realistic documents into the current (throwaway) database: a mix of every type, Chinese
 * text recombined from the sentences of the seed documents, realistic lengths, some with images.
 * Deterministic for a given N (seeded random numbers).
 */
import type { Payload } from 'payload'
import sharp from 'sharp'

import { briefing } from './text.ts'
import { markdownToRichText } from '../cms/lib/richText.ts'
import { SEED_CONTEXT } from '../cms/seed/index.ts'

/** Mulberry32: a small seeded PRNG. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const PLACES = ['社区', '村', '小区', '新时代文明实践站', '街巷', '集贸市场', '学校', '公园', '商户联盟', '物业公司']
const THEMES = ['文明交通礼让行人', '垃圾分类', '门前三包', '光盘行动', '文明养犬', '邻里守望', '绿水青山', '我为群众办实事', '移风易俗', '志愿服务']
const ACTIVITIES = ['主题实践活动', '志愿服务活动', '环境整治行动', '宣传教育活动', '专项检查', '理论宣讲', '文艺汇演', '集中整治', '入户走访', '培训会']
const CATEGORIES = ['文明培育', '文明实践', '综合整治', '我为群众办实事', '指挥调度', '检查督导'] as const
const DOC_TYPES = ['决议', '决定', '行动计划', '实施方案', '通知'] as const
const ISSUERS = ['门头沟区人大常委会', '门头沟区人民政府', '门头沟区精神文明建设委员会', '门头沟区创建全国文明城区工作领导小组']
const FIGURE_CATEGORIES = ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲', '志愿服务'] as const
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英'

export interface GenerateReport {
  counts: Record<string, number>
  ms: number
}

export const generate = async (payload: Payload, n: number, progress: (done: number, total: number) => void): Promise<GenerateReport> => {
  const random = rng(n)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1))
  const sentences = briefing.sentences
  const paragraph = (min: number, max: number) => Array.from({ length: between(min, max) }, () => pick(sentences)).join('')
  const body = (paras: number) => Array.from({ length: paras }, () => paragraph(2, 5)).join('\n\n')
  const day = (i: number) => {
    const d = new Date(Date.UTC(2018, 0, 1) + Math.floor((i / n) * 8 * 365) * 86_400_000)
    return `${d.toISOString().slice(0, 10)}T12:00:00.000Z`
  }
  const opts = { overrideAccess: true, context: SEED_CONTEXT } as const
  const started = performance.now()

  const regions = (await payload.find({ collection: 'regions', limit: 100, ...opts })).docs
  const series = (await payload.find({ collection: 'bulletin-series', limit: 10, ...opts })).docs
  const images: number[] = []
  for (let i = 0; i < 24; i++) {
    const hue = Math.floor(random() * 360)
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="hsl(${hue},45%,45%)"/><circle cx="${between(200, 1000)}" cy="${between(200, 600)}" r="${between(80, 300)}" fill="hsl(${(hue + 40) % 360},60%,70%)"/></svg>`
    const data = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
    const media = await payload.create({ collection: 'media', data: { alt: `示意图 ${String(i + 1)}（基准测试生成的占位图）` }, file: { data, mimetype: 'image/jpeg', name: `bench-${String(i)}.jpg`, size: data.length }, ...opts })
    images.push(media.id as number)
  }

  const counts = { news: 0, bulletins: 0, resolutions: 0, figures: 0 }
  const issueOf: Record<string, number> = {}
  const signed = { state: 'signed' as const, history: [{ action: 'import' as const, at: new Date().toISOString(), userName: '基准测试' }] }
  for (let i = 0; i < n; i++) {
    const r = random()
    const region = pick(regions)
    const title = `${region.name}${pick(PLACES)}开展“${pick(THEMES)}”${pick(ACTIVITIES)}`
    if (r < 0.5) {
      await payload.create({
        collection: 'news',
        data: {
          title,
          slug: `bench-news-${String(i)}`,
          date: day(i),
          category: pick(CATEGORIES),
          region: region.id,
          summary: paragraph(1, 2).slice(0, 120),
          body: await markdownToRichText(body(between(3, 8))),
          cover: random() < 0.15 ? pick(images) : undefined,
          _status: 'published',
        },
        ...opts,
      })
      counts.news++
    } else if (r < 0.75) {
      const s = pick(series)
      const issueNumber = (issueOf[s.slug ?? ''] = (issueOf[s.slug ?? ''] ?? 1000) + 1)
      await payload.create({
        collection: 'bulletins',
        data: {
          series: s.id,
          issueNumber,
          totalIssueNumber: s.kind === '情况简报' ? issueNumber + 1200 : undefined,
          date: day(i),
          sections: [
            { heading: '指挥调度', items: [{ source: '本刊', body: await markdownToRichText(body(between(2, 4))) }] },
            { heading: '检查督导', items: [{ title, source: '本刊', body: await markdownToRichText(body(between(1, 3))) }] },
            {
              heading: '简讯',
              items: await Promise.all(
                Array.from({ length: between(3, 6) }, async () => {
                  const rg = pick(regions)
                  return { category: pick(CATEGORIES), title: rg.name, region: rg.id, body: await markdownToRichText(paragraph(1, 2)) }
                }),
              ),
            },
          ],
          signoff: { editor: '李国栋', reviewer: '张东辉', signer: '李争三' },
          distribution: { reportTo: '首都文明办、区委、区人大、区政府、区政协领导同志', issueTo: '全区各单位主要领导、创城工作主管领导、信息员' },
          workflow: signed,
          _status: 'published',
        },
        ...opts,
      })
      counts.bulletins++
    } else if (r < 0.9) {
      const year = Number(day(i).slice(0, 4))
      await payload.create({
        collection: 'resolutions',
        data: {
          title: `关于深入推进${pick(THEMES)}工作的${pick(DOC_TYPES)}`,
          slug: `bench-resolution-${String(i)}`,
          docType: pick(DOC_TYPES),
          docNumber: `门文发〔${String(year)}〕${String(i + 1)}号`,
          issuer: pick(ISSUERS),
          adoptedAt: day(i),
          region: region.id,
          body: await markdownToRichText(Array.from({ length: between(3, 6) }, (_, k) => `## ${'一二三四五六'[k] ?? ''}、${pick(THEMES)}\n\n${body(between(1, 3))}`).join('\n\n')),
          workflow: signed,
          _status: 'published',
        },
        ...opts,
      })
      counts.resolutions++
    } else {
      const person = random() < 0.6
      await payload.create({
        collection: 'figures',
        data: {
          name: person ? `${pick([...SURNAMES])}${pick([...GIVEN])}${random() < 0.5 ? pick([...GIVEN]) : ''}` : `${region.name}${pick(THEMES)}志愿服务队`,
          slug: `bench-figure-${String(i)}`,
          kind: person ? '个人' : '集体',
          category: pick(FIGURE_CATEGORIES),
          region: region.id,
          portrait: random() < 0.5 ? pick(images) : undefined,
          summary: paragraph(1, 1).slice(0, 80),
          story: await markdownToRichText(body(between(2, 4))),
          // Entered over the years like the other documents (a figure is filed under the day its entry
          // changed): created all today, they would fill the newest search partition with one kind.
          createdAt: day(i),
          updatedAt: day(i),
          _status: 'published',
        },
        ...opts,
      })
      counts.figures++
    }
    if ((i + 1) % 100 === 0 || i + 1 === n) progress(i + 1, n)
  }
  return { counts, ms: Math.round(performance.now() - started) }
}
