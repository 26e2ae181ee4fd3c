import { type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { cms, marker, userWithRole } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

const errorOf = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the write to be refused')
}

describe('uniqueness and required facts', () => {
  it('refuses a second document with the same 文号, however it is spelled, and names the first', async () => {
    const editor = await userWithRole(payload, 'editor')
    const before = await payload.count({ collection: 'resolutions', overrideAccess: true })
    for (const spelling of ['门常发〔2021〕23号', '门常发[2021]23号', '门常发(2021)23号', '门常发2021年23号']) {
      const error = await errorOf(
        payload.create({
          collection: 'resolutions',
          data: { title: marker(), docType: '决议', docNumber: spelling, adoptedAt: '2021-04-27T12:00:00.000Z', body: await markdownToRichText('重复'), _status: 'draft' },
          draft: true,
          user: editor,
          overrideAccess: false,
        }),
      )
      expect(error).toBeInstanceOf(ValidationError)
      const [detail] = (error as ValidationError).data.errors
      expect(detail?.path).toBe('docNumber')
      expect(detail?.message).toContain('门常发〔2021〕23号')
      expect(detail?.message).toContain('门头沟区人大常委会关于深入推进誓夺全国文明城区三年冲刺行动的决议')
    }
    expect(await payload.count({ collection: 'resolutions', overrideAccess: true })).toEqual(before)
  })

  it('refuses a second issue with the same number in the same series, and allows it in another', async () => {
    const editor = await userWithRole(payload, 'editor')
    const series = await payload.find({ collection: 'bulletin-series', sort: 'slug', overrideAccess: true })
    const kuaibao = series.docs.find((s) => s.slug === 'mentougou-kuaibao')!
    const jianbao = series.docs.find((s) => s.slug === 'shoudu-jianbao')!

    const error = await errorOf(
      payload.create({
        collection: 'bulletins',
        data: { series: kuaibao.id, issueNumber: 673, date: '2022-05-01T12:00:00.000Z', _status: 'draft' },
        draft: true,
        user: editor,
        overrideAccess: false,
      }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors[0]?.message).toContain('第673期已存在')

    const other = await payload.create({
      collection: 'bulletins',
      data: { series: jianbao.id, issueNumber: 673, date: '2022-05-01T12:00:00.000Z', _status: 'draft' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    expect(other.title).toBe('首都精神文明建设情况简报 第673期')
    await payload.delete({ collection: 'bulletins', id: other.id, overrideAccess: true })
  })

  it('refuses to publish a resolution without any date, and a bulletin without its date', async () => {
    const editor = await userWithRole(payload, 'editor')
    const resolution = await errorOf(
      payload.create({
        collection: 'resolutions',
        data: { title: marker(), docType: '通知', body: await markdownToRichText('无日期'), _status: 'published' },
        user: editor,
        overrideAccess: false,
      }),
    )
    expect((resolution as ValidationError).data.errors[0]?.message).toContain('通过/成文日期或发布日期')

    const series = (await payload.find({ collection: 'bulletin-series', limit: 1, overrideAccess: true })).docs[0]!
    const bulletin = await errorOf(
      payload.create({
        collection: 'bulletins',
        data: { series: series.id, issueNumber: 99_001, _status: 'published' } as never,
        user: editor,
        overrideAccess: false,
      }),
    )
    expect(bulletin).toBeInstanceOf(ValidationError)
  })
})
