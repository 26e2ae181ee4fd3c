import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ImportError } from '../../cms/imports/errors.ts'
import { importDocument, type ImportResult } from '../../cms/imports/service.ts'
import { richTextToPlainText } from '../../cms/lib/richText.ts'
import { PENDING_ALT } from '../../cms/lib/uploads.ts'
import type { Bulletin, News, Resolution } from '../../cms/payload-types.ts'
import { govDocx, paragraphsOfWebCopy } from '../lib/govDocx.ts'
import { savedAsDoc } from '../lib/libreoffice.ts'
import { cms, userWithRole } from './helpers.ts'

// The five real source documents (../shared/corpus), copied so a clean checkout has them.
const corpus = (n: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'corpus', `${n}.txt`), 'utf8')

let payload: Payload
const imported: ImportResult[] = []
const asEditor = async (input: Parameters<typeof importDocument>[1]) => {
  const req = await createLocalReq({ user: await userWithRole(payload, 'editor') }, payload)
  const result = await importDocument(req, input)
  imported.push(result)
  return result
}
const counts = async () =>
  Object.fromEntries(await Promise.all((['resolutions', 'bulletins', 'news', 'media', 'bulletin-series'] as const).map(async (c) => [c, (await payload.count({ collection: c, overrideAccess: true })).totalDocs])))

// The seed holds the same documents: their 期号 and 文号 step aside for the imports (same ids, links and
// states; no publish queued) and come back afterwards.
const quiet = { overrideAccess: true, context: { seed: true, skipRebuild: true } }
const ASIDE = 900_000
const stepAside = async (back: boolean) => {
  const bulletins = await payload.find({ collection: 'bulletins', where: { issueNumber: { in: back ? [673 + ASIDE, 10 + ASIDE] : [673, 10] } }, depth: 0, ...quiet })
  for (const b of bulletins.docs) await payload.update({ collection: 'bulletins', id: b.id, data: { issueNumber: b.issueNumber + (back ? -ASIDE : ASIDE) }, ...quiet })
  const [from, to] = back ? ['门常发〔2021〕923号', '门常发〔2021〕23号'] : ['门常发〔2021〕23号', '门常发〔2021〕923号']
  await payload.update({ collection: 'resolutions', where: { docNumber: { equals: from } }, data: { docNumber: to }, ...quiet })
}
beforeAll(async () => {
  payload = await cms()
  await stepAside(false)
  const docs = await savedAsDoc(await Promise.all(sources.map(([n, bulletin]) => govDocx(sourceText(n), { bulletin }))))
  sources.forEach(([n], i) => oldFormat.set(sourceText(n), docs[i]!))
}, 120_000)
afterAll(async () => {
  for (const r of imported) await payload.delete({ collection: r.collection, id: r.id, ...quiet }).catch(() => undefined)
  await stepAside(true)
})

// Each document as a .docx, as pasted text, and as the .doc and .wps an office still sends: LibreOffice saves
// the .docx as Word 97–2003 (WPS's own .wps is that format under its own name), and the importer converts
// it back with LibreOffice. All are made in one LibreOffice run before the tests.
const forms = ['docx', 'text', 'doc', 'wps'] as const
const sources: [string, boolean][] = [['000', false], ['001', true], ['002', true], ['003', false], ['004', false]]
const sourceText = (n: string) => (n === '004' ? paragraphsOfWebCopy(corpus(n)) : corpus(n))
const oldFormat = new Map<string, Buffer>()
const input = async (form: (typeof forms)[number], text: string, bulletin = false) => {
  if (form === 'text') return { text }
  if (form === 'docx') return { file: { data: await govDocx(text, { bulletin }), name: 'test.docx' } }
  const data = oldFormat.get(text)
  if (!data) throw new Error('no .doc made for this text')
  return { file: { data, name: `test.${form}` } }
}

describe.each(forms)('importing the five corpus documents (%s)', (form) => {
  it('000: a resolution with its 文号, 通过日期, 会议 and the 公文 levels as headings', async () => {
    const result = await asEditor(await input(form, corpus('000')))
    expect(result.collection).toBe('resolutions')
    const doc = (await payload.findByID({ collection: 'resolutions', id: result.id, draft: true, overrideAccess: true })) as Resolution
    expect(doc).toMatchObject({ _status: 'draft', docType: '决议', docNumber: '门常发〔2021〕23号', issuer: '门头沟区人大常委会', meeting: '门头沟区第十六届人民代表大会常务委员会第三十五次会议' })
    expect(doc.title).toBe('门头沟区人大常委会关于深入推进誓夺全国文明城区三年冲刺行动的决议')
    expect(doc.adoptedAt?.slice(0, 10)).toBe('2021-04-27')
    const headings = (doc.body.root.children as { type: string; tag?: string }[]).filter((n) => n.type === 'heading')
    expect(headings.map((h) => h.tag)).toEqual(['h2', 'h2', 'h2', 'h2'])
    expect(richTextToPlainText(doc.body)).toContain('四、强化责任，聚智聚力，推动创建全国文明城区工作全面落实')
    await payload.delete({ collection: 'resolutions', id: result.id, ...quiet })
  })

  it('001: 第673期 with its sections, attributions, 简讯 by 镇街 and 李国栋/张东辉/李争三', async () => {
    const result = await asEditor({ ...(await input(form, corpus('001'), true)), kind: 'bulletins' })
    const doc = (await payload.findByID({ collection: 'bulletins', id: result.id, draft: true, depth: 1, overrideAccess: true })) as Bulletin
    expect(doc.issueNumber).toBe(673)
    expect(doc.date.slice(0, 10)).toBe('2022-04-13')
    expect(typeof doc.series === 'object' && doc.series?.name).toBe('门头沟区创建全国文明城市工作快报')
    expect(doc.signoff).toMatchObject({ editor: '李国栋', reviewer: '张东辉', signer: '李争三' })
    expect(doc.distribution?.reportTo).toBe('首都文明办、区委、区人大、区政府、区政协领导同志')
    expect(doc.sections?.map((s) => s.heading)).toEqual(['指挥调度', '检查督导', '简讯'])
    expect(doc.sections?.[0]?.items?.[0]?.source).toBe('本刊')
    expect(doc.sections?.[1]?.items?.[0]).toMatchObject({ title: '张翠萍12日实地检查督导创城示范商贸综合体落实情况', source: '本刊' })
    const briefs = doc.sections?.[2]?.items ?? []
    expect(briefs.map((i) => [i.category, i.title])).toContainEqual(['文明培育', '斋堂镇'])
    expect(briefs.find((i) => i.title === '斋堂镇')?.region).toMatchObject({ name: '斋堂镇' })
    // Nothing lost: the sentence a page break cut in two is whole again.
    expect(richTextToPlainText(doc.sections?.[0]?.items?.[0]?.body)).toContain('对文明城区创建工作的高度重视')
    expect(result.recognised.join('\n')).toContain('核签：李争三')
    await payload.delete({ collection: 'bulletins', id: result.id, ...quiet })
  })

  it('002: 第10期 总第2202期 with its three attributed items', async () => {
    const result = await asEditor(await input(form, corpus('002'), true))
    expect(result.collection).toBe('bulletins')
    const doc = (await payload.findByID({ collection: 'bulletins', id: result.id, draft: true, overrideAccess: true })) as Bulletin
    expect([doc.issueNumber, doc.totalIssueNumber]).toEqual([10, 2202])
    const items = doc.sections?.flatMap((s) => s.items ?? []) ?? []
    expect(items.map((i) => i.source)).toEqual(['中央军委政治工作部群众工作局', '精神文明综合协调处、精神文明创建活动指导处', '丰台区文明办'])
    expect(items[0]?.title).toBe('驻京部队官兵积极参加首都地区文明城区创建工作')
    expect(doc.signoff).toMatchObject({ editor: '梅雪峰', reviewer: '吕俊超' })
    expect(doc.distribution?.sendTo).toContain('首都文明委委员')
    await payload.delete({ collection: 'bulletins', id: result.id, ...quiet })
  })

  it('003: a news feature with its subtitle, authors and 数说 figures', async () => {
    const result = await asEditor(await input(form, corpus('003')))
    expect(result.collection).toBe('news')
    const doc = (await payload.findByID({ collection: 'news', id: result.id, draft: true, overrideAccess: true })) as News
    expect(doc).toMatchObject({ title: '立足首善,全力谋划文明“大文章”', subtitle: '北京市门头沟区推进创建全国文明城区工作再上新台阶', authors: '朱凡 张东辉' })
    const figures = (doc.keyFigures ?? []).map((k) => `${k.value}${k.unit ?? ''}`)
    expect(figures).toEqual(expect.arrayContaining(['360个', '5170个', '1864个', '315个', '7.1万余人', '2439支', '240项', '1.35亿元']))
    expect(doc.keyFigures?.find((k) => k.value === '7.1万')?.label).toBe('注册志愿者')
    await payload.delete({ collection: 'news', id: result.id, ...quiet })
  })

  it('004: an action plan with its period, publication time and yearly phases', async () => {
    const text = form === 'text' ? corpus('004') : sourceText('004')
    const result = await asEditor(await input(form, text))
    const doc = (await payload.findByID({ collection: 'resolutions', id: result.id, draft: true, overrideAccess: true })) as Resolution
    expect(doc).toMatchObject({ docType: '行动计划', period: '2018—2020年', title: '大足区创建全国文明城区三年行动计划 (2018—2020年)' })
    expect(doc.publishedAt).toBe('2018-08-02T01:56:00.000Z')
    expect(result.recognised).toContain('实施步骤：2018年 对标攻坚年；2019年 补差提档年；2020年 冲刺决胜年')
    const text2 = richTextToPlainText(doc.body)
    expect(text2).toContain('五、实施步骤')
    expect(text2).toContain('(三)2020年为“冲刺决胜年”')
    expect((doc.body.root.children as { type: string }[]).filter((n) => n.type === 'heading')).toHaveLength(6)
    await payload.delete({ collection: 'resolutions', id: result.id, ...quiet })
  })
})

describe('what an import refuses or keeps', () => {
  const refused = async (promise: Promise<unknown>, message: RegExp) => {
    const error = await promise.then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(message)
  }

  it('refuses a file that is not a .docx, an encrypted one, an old .doc, an empty one or one over 20 MB, creating nothing', async () => {
    const before = await counts()
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])
    const encrypted = Buffer.concat([ole, Buffer.from('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0', 'latin1')])
    await refused(asEditor({ file: { data: Buffer.from('%PDF-1.7 not a word file'), name: 'x.docx' } }), /不是 Word\/WPS 文档/)
    await refused(asEditor({ file: { data: encrypted, name: 'secret.docx' } }), /打开密码/)
    await refused(asEditor({ file: { data: ole, name: 'old.doc' } }), /无法读取这个旧版 Word 文档/)
    await refused(asEditor({ file: { data: Buffer.alloc(0), name: 'empty.docx' } }), /空的/)
    await refused(asEditor({ file: { data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(21 * 1024 * 1024)]), name: 'big.docx' } }), /20 MB/)
    await refused(asEditor({ file: { data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), name: 'broken.docx' } }), /已损坏/)
    await refused(asEditor({ text: '   ' }), /上传一个 Word\/WPS 文件（\.docx、\.doc、\.wps），或粘贴/)
    expect(await counts()).toEqual(before)
  })

  it('refuses a broken or oversized .doc, stops a conversion that overruns its time limit, and says how to install LibreOffice when it is missing, creating nothing', async () => {
    const before = await counts()
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0', 'latin1'), Buffer.alloc(4096, 7)])
    await refused(asEditor({ file: { data: ole, name: '损坏.doc' } }), /无法读取这个旧版 Word 文档（\.doc）：文件已损坏/)
    await refused(asEditor({ file: { data: Buffer.concat([ole, Buffer.alloc(21 * 1024 * 1024)]), name: '过大.wps' } }), /超过 20 MB/)
    const real = oldFormat.get(sourceText('000'))!
    const env = { ...process.env }
    try {
      // A limit shorter than LibreOffice needs to start: the conversion is stopped, soffice and all it started are killed.
      process.env.IMPORT_CONVERT_TIMEOUT_MS = '400'
      const started = Date.now()
      await refused(asEditor({ file: { data: real, name: '决议.doc' } }), /超时（超过 0.4 秒），已停止/)
      expect(Date.now() - started).toBeLessThan(3000)
      const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('wenming-convert-'))
      expect(left).toEqual([])
      delete process.env.IMPORT_CONVERT_TIMEOUT_MS
      process.env.SOFFICE_PATH = '/nonexistent/soffice'
      const missing = await asEditor({ file: { data: real, name: '决议.wps' } }).catch((e: unknown) => e as ImportError)
      expect((missing as ImportError).status).toBe(501)
      expect((missing as ImportError).message).toContain('apt-get install libreoffice-writer-nogui')
    } finally {
      process.env = env
    }
    expect(await counts()).toEqual(before)
  })

  it('refuses a duplicate 文号 and removes the pictures it had already stored', async () => {
    const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#c00' } }).png().toBuffer()
    const text = corpus('000')
    const first = await asEditor({ file: { data: await govDocx(text, { image: { after: 3, png } }), name: 'a.docx' } })
    const before = await counts()
    await refused(asEditor({ file: { data: await govDocx(text, { image: { after: 3, png } }), name: 'b.docx' } }), /文号/)
    expect(await counts()).toEqual(before)
    await payload.delete({ collection: 'resolutions', id: first.id, ...quiet })
  })

  it('stores a picture as a media item in place, its description as alt text or marked to be filled in before publishing', async () => {
    const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#06c' } }).png().toBuffer()
    const described = await asEditor({ file: { data: await govDocx(corpus('003'), { image: { after: 4, png, description: '楼门“四公示一门牌”' } }), name: 'feature.docx' } })
    const news = (await payload.findByID({ collection: 'news', id: described.id, draft: true, depth: 1, overrideAccess: true })) as News
    expect(typeof news.cover === 'object' && news.cover?.alt).toBe('楼门“四公示一门牌”')
    expect((news.body.root.children as { type: string }[]).some((n) => n.type === 'upload')).toBe(true)
    const bare = await asEditor({ file: { data: await govDocx(corpus('000').replace('门常发〔2021〕23号', '门常发〔2021〕99号'), { image: { after: 5, png } }), name: 'plain.docx' } })
    const resolution = (await payload.findByID({ collection: 'resolutions', id: bare.id, draft: true, overrideAccess: true })) as Resolution & { contentChecks?: { findings?: { kind: string }[] } }
    expect(resolution.contentChecks?.findings?.map((f) => f.kind)).toContain('图片缺少替代文字')
    const media = await payload.find({ collection: 'media', where: { alt: { equals: PENDING_ALT } }, overrideAccess: true })
    expect(media.totalDocs).toBeGreaterThan(0)
  })

  it('lets only editors and admins import', async () => {
    const req = await createLocalReq({ user: await userWithRole(payload, 'reviewer') }, payload)
    const error = await importDocument(req, { text: corpus('000') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).status).toBe(403)
  })
})
