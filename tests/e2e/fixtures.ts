// Writes the e2e fixtures into the (throwaway) database: a published news item and a draft one, each
// with a unique marker, an unpublished draft edit of a published resolution, and a news item citing and
// one explaining a resolution. Prints the markers.
import { getCms } from '../../cms/lib/getCms.ts'
import { markdownToRichText } from '../../cms/lib/richText.ts'

const payload = await getCms()
const tag = Math.random().toString(36).slice(2, 8)
const markers = { published: `已发布标记${tag}`, draft: `草稿标记${tag}`, draftEdit: `未发布修改${tag}` }

await payload.create({
  collection: 'news',
  data: { title: `测试动态${markers.published}`, slug: `e2e-published-${tag}`, date: '2022-04-10T12:00:00.000Z', category: '其他', body: await markdownToRichText(`正文包含${markers.published}。`), _status: 'published' },
  overrideAccess: true,
})
await payload.create({
  collection: 'news',
  data: { title: `测试草稿${markers.draft}`, slug: `e2e-draft-${tag}`, date: '2022-04-10T12:00:00.000Z', category: '其他', body: await markdownToRichText(`正文包含${markers.draft}。`), _status: 'draft' },
  draft: true,
  overrideAccess: true,
})
// Documents that lead to the resolution 门常发〔2021〕23号: a news item citing its number (in a spelling
// editors type) and a 解读 marked as explaining it.
const resolution23 = (await payload.find({ collection: 'resolutions', where: { docNumber: { equals: '门常发〔2021〕23号' } }, overrideAccess: true })).docs[0]!
await payload.create({
  collection: 'news',
  data: { title: '区人大常委会视察创城重点点位', slug: 'e2e-mentions-23', date: '2022-05-06T12:00:00.000Z', category: '检查督导', body: await markdownToRichText('视察组对照门常发[2021]23号决议要求，检查了背街小巷整治情况。'), _status: 'published' },
  overrideAccess: true,
})
await payload.create({
  collection: 'news',
  data: { title: '一图读懂三年冲刺行动决议', slug: 'e2e-interprets-23', date: '2021-05-10T12:00:00.000Z', category: '专题报道', interprets: resolution23.id, body: await markdownToRichText('决议明确了三年冲刺行动的目标任务。'), _status: 'published' },
  overrideAccess: true,
})
// A news item published on 10 April 2022 (as a restored archive would record it) and corrected today.
const corrected = await payload.create({
  collection: 'news',
  data: { title: '发布后更正的动态', slug: 'e2e-corrected', date: '2022-04-10T12:00:00.000Z', category: '其他', firstPublishedAt: '2022-04-10T04:00:00.000Z', body: await markdownToRichText('原文。'), _status: 'published' },
  overrideAccess: true,
})
await payload.update({ collection: 'news', id: corrected.id, data: { body: await markdownToRichText('更正后的正文。') }, overrideAccess: true })
const { docs } = await payload.find({ collection: 'resolutions', where: { slug: { equals: 'dazu-2018-2020-action-plan' } }, overrideAccess: true })
await payload.update({
  collection: 'resolutions',
  id: docs[0]!.id,
  data: { summary: `草稿修改：${markers.draftEdit}`, _status: 'draft' },
  draft: true,
  overrideAccess: true,
})
console.log(JSON.stringify(markers))
process.exit(0)
