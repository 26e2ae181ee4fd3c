import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { renderPreview } from '../../publisher/preview.ts'
import { cms, marker } from './helpers.ts'

// A draft is saved without its required fields checked (they are checked when it is published): its
// preview must still show the page, with what is missing marked 待填写, never an error.
let payload: Payload
beforeAll(async () => {
  payload = await cms()
}, 120_000)

describe('previews of unfinished drafts', () => {
  it('a bulletin with no date previews with the date marked 待填写 and named in the banner', async () => {
    const series = (await payload.find({ collection: 'bulletin-series', limit: 1, overrideAccess: true })).docs[0]!
    const word = marker()
    const draft = await payload.create({
      collection: 'bulletins',
      draft: true,
      data: { series: series.id, issueNumber: 901, sections: [{ heading: word, items: [] }], _status: 'draft' } as never,
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    const preview = await renderPreview('bulletins', String(draft.id))
    expect(preview.ok, preview.ok ? '' : preview.message).toBe(true)
    if (!preview.ok) return
    expect(preview.html).toContain(word)
    expect(preview.html).toContain('（待填写）')
    expect(preview.html).toMatch(/待填写：[^<]*印发日期/)
    expect(preview.html).not.toContain('1000年')
    // Nothing chosen at all: no series, no issue number, no date.
    const empty = await payload.create({ collection: 'bulletins', draft: true, data: { _status: 'draft' } as never, overrideAccess: true, context: { skipRebuild: true } })
    const bare = await renderPreview('bulletins', String(empty.id))
    expect(bare.ok, bare.ok ? '' : bare.message).toBe(true)
    if (bare.ok) expect(bare.html).toMatch(/待填写：[^<]*刊物[^<]*期号[^<]*印发日期/)
    if (bare.ok) expect(bare.html).not.toContain('100000007')
  }, 120_000)

  it('a news item with nothing but a title previews; one with no title too', async () => {
    for (const data of [{ title: marker() }, { slug: `untitled-${Date.now().toString(36)}` }]) {
      const draft = await payload.create({ collection: 'news', draft: true, data: { ...data, _status: 'draft' } as never, overrideAccess: true, context: { skipRebuild: true } })
      const preview = await renderPreview('news', String(draft.id))
      expect(preview.ok, preview.ok ? '' : preview.message).toBe(true)
      if (preview.ok && 'title' in data) expect(preview.html).toContain(data.title)
      if (preview.ok) expect(preview.html).toMatch(/待填写：[^<]*正文/)
    }
  }, 120_000)
})
