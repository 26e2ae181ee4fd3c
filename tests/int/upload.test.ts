import { readdirSync } from 'node:fs'

import { type Payload, ValidationError } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '../../cms/lib/paths.ts'
import { cms, userWithRole } from './helpers.ts'

let payload: Payload
beforeAll(async () => {
  payload = await cms()
})

const stored = () => readdirSync(mediaDir).sort()

describe('media uploads', () => {
  it('refuses a non-image disguised with an image extension and stores nothing', async () => {
    const editor = await userWithRole(payload, 'editor')
    const before = { count: (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs, files: stored() }
    const data = Buffer.from('#!/bin/sh\necho this is a script, not a picture\n')
    const attempt = payload.create({
      collection: 'media',
      data: { alt: '伪装的图片' },
      file: { data, mimetype: 'image/png', name: 'photo.png', size: data.length },
      user: editor,
      overrideAccess: false,
    })
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors[0]?.message).toMatch(/“photo.png”不是可识别的图片或 PDF/)
    expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(before.count)
    expect(stored()).toEqual(before.files)
  })

  it('accepts a real image and makes its WebP sizes', async () => {
    const editor = await userWithRole(payload, 'editor')
    const data = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#b22' } }).jpeg().toBuffer()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: '测试图片' },
      file: { data, mimetype: 'image/jpeg', name: 'test-photo.jpg', size: data.length },
      user: editor,
      overrideAccess: false,
    })
    expect(doc.sizes?.large?.width).toBe(1280)
    expect(doc.sizes?.thumbnail?.mimeType).toBe('image/webp')
    await payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
  })

  it('requires a description of the image', async () => {
    const editor = await userWithRole(payload, 'editor')
    const data = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()
    await expect(
      payload.create({
        collection: 'media',
        data: {} as never,
        file: { data, mimetype: 'image/png', name: 'no-alt.png', size: data.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(ValidationError)
  })
})
