// Writes a few hundred documents in random states into the live stack's database (run by
// draft-leak.spec.ts with the live environment) and prints, as the last line, what must and must not
// reach an anonymous reader. Every word that must stay private is a unique Latin token, so it can be
// looked for verbatim in REST answers, pages, feeds, the sitemap and the search index.
import type { Payload } from 'payload'
import sharp from 'sharp'

import { getCms } from '../../../cms/lib/getCms.ts'
import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { SEED_CONTEXT } from '../../../cms/seed/index.ts'
import { seeded, seedFrom } from '../../lib/seeded.ts'

const COUNT = Number(process.argv[2] ?? 250)
// Deterministic from the seed, so a failure can be replayed with the printed one (LEAK_SEED).
const SEED = seedFrom('LEAK_SEED', process.argv[3])
const { random, pick, token } = seeded(SEED)
const tokenOf = (kind: string) => token(`lk${kind}`)

type Kind = 'news' | 'resolutions' | 'bulletins' | 'figures'
type State = 'draft' | 'published' | 'editedDraft' | 'unpublished' | 'scheduled'
const KINDS: Kind[] = ['news', 'news', 'resolutions', 'bulletins', 'figures']
const STATES: State[] = ['draft', 'published', 'editedDraft', 'unpublished', 'scheduled']

export interface LeakPlan {
  seed: number
  visible: { kind: Kind; id: number; token: string; file: string | null }[]
  hidden: { kind: Kind; id: number; token: string; file: string | null; state: State }[]
}

const payload: Payload = await getCms()
const w = { overrideAccess: true, context: SEED_CONTEXT } as const
const [series] = (await payload.find({ collection: 'bulletin-series', limit: 1, ...w })).docs
const plan: LeakPlan = { seed: SEED, visible: [], hidden: [] }

const image = async (token: string) => {
  const data = await sharp({ create: { width: 24, height: 18, channels: 3, background: { r: Math.floor(random() * 255), g: 90, b: 160 } } }).png().toBuffer()
  const doc = await payload.create({ collection: 'media', data: { alt: `图片 ${token}` }, file: { data, mimetype: 'image/png', name: `${token}.png`, size: data.length }, ...w })
  return { id: doc.id as number, file: doc.filename as string }
}

/** The document's data carrying `token` in its text (and an image named after it, for kinds with one). */
const dataFor = async (kind: Kind, token: string, n: number) => {
  const text = `随机文档 ${token} 的正文，检查是否泄漏。`
  const withImage = (kind === 'news' || kind === 'figures') && random() < 0.6
  const img = withImage ? await image(token) : null
  const data: Record<string, unknown> =
    kind === 'news'
      ? { title: `动态 ${token}`, slug: `leak-${token}`, date: '2021-03-04T12:00:00.000Z', category: '其他', body: await markdownToRichText(text), cover: img?.id }
      : kind === 'resolutions'
        ? { title: `文件 ${token}`, slug: `leak-${token}`, docType: '通知', issuer: '测试机关', adoptedAt: '2021-03-04T12:00:00.000Z', body: await markdownToRichText(text), workflow: { state: 'signed' } }
        : kind === 'bulletins'
          ? { series: series!.id, issueNumber: 1_000_000 + n, date: '2021-03-04T12:00:00.000Z', sections: [{ heading: '简讯', items: [{ category: '其他', body: await markdownToRichText(text) }] }], workflow: { state: 'signed' } }
          : { name: `典型 ${token}`, slug: `leak-${token}`, kind: '集体', category: '其他', summary: text, story: await markdownToRichText(text), portrait: img?.id }
  return { data, file: img?.file ?? null }
}

for (let n = 0; n < COUNT; n++) {
  const kind = pick(KINDS)
  const docState = pick(STATES)
  const token = tokenOf(docState.slice(0, 2))
  const { data, file } = await dataFor(kind, token, n)
  const publishedAtFirst = docState === 'published' || docState === 'editedDraft' || docState === 'unpublished'
  const doc = await payload.create({ collection: kind, data: { ...data, _status: publishedAtFirst ? 'published' : 'draft' } as never, draft: !publishedAtFirst, ...w })
  const id = doc.id as number
  if (docState === 'published') plan.visible.push({ kind, id, token, file })
  else if (docState === 'editedDraft') {
    // What is live stays visible; the unpublished edit (new text, new image) must not be.
    plan.visible.push({ kind, id, token, file })
    const editToken = tokenOf('ed')
    const edit = await dataFor(kind, editToken, n)
    const { slug: _slug, issueNumber: _issue, series: _series, ...changes } = edit.data
    await payload.update({ collection: kind, id, data: { ...changes, _status: 'draft' } as never, draft: true, ...w })
    plan.hidden.push({ kind, id, token: editToken, file: edit.file, state: docState })
  } else if (docState === 'unpublished') {
    await payload.update({ collection: kind, id, data: { _status: 'draft' } as never, ...w })
    plan.hidden.push({ kind, id, token, file, state: docState })
  } else {
    if (docState === 'scheduled') {
      await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: kind, value: id } }, waitUntil: new Date(Date.now() + 365 * 24 * 3600 * 1000) } as never)
    }
    plan.hidden.push({ kind, id, token, file, state: docState })
  }
}
// One last published document, with an image: once its page is live, the release contains everything
// above, and once its image is served, the CMS's set of public files was computed after everything above.
const last = tokenOf('pu')
const lastImage = await image(last)
const lastDoc = await payload.create({ collection: 'news', data: { ...(await dataFor('news', last, COUNT)).data, cover: lastImage.id, _status: 'published' } as never, ...w })
plan.visible.push({ kind: 'news', id: lastDoc.id as number, token: last, file: lastImage.file })
console.log(JSON.stringify(plan))
process.exit(0)
