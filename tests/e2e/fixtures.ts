// Writes the e2e fixtures into the (throwaway) database: a published news item and a draft one, each
// with a unique marker, and an unpublished draft edit of a published resolution. Prints the markers.
import { getCms } from '../../cms/lib/getCms.ts'
import { markdownToLexical } from '../../cms/lib/markdown.ts'

const payload = await getCms()
const tag = Math.random().toString(36).slice(2, 8)
const markers = { published: `已发布标记${tag}`, draft: `草稿标记${tag}`, draftEdit: `未发布修改${tag}` }

await payload.create({
  collection: 'news',
  data: { title: `测试动态${markers.published}`, slug: `e2e-published-${tag}`, date: '2022-04-10T12:00:00.000Z', category: '其他', body: markdownToLexical(`正文包含${markers.published}。`), _status: 'published' },
  overrideAccess: true,
})
await payload.create({
  collection: 'news',
  data: { title: `测试草稿${markers.draft}`, slug: `e2e-draft-${tag}`, date: '2022-04-10T12:00:00.000Z', category: '其他', body: markdownToLexical(`正文包含${markers.draft}。`), _status: 'draft' },
  draft: true,
  overrideAccess: true,
})
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
