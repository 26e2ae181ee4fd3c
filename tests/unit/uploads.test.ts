import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { inspectUpload, MAX_UPLOAD_BYTES, mediaUrlAllowed } from '../../cms/lib/uploads.ts'

const png = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()

describe('inspectUpload', () => {
  it('accepts a real image whatever it is called, by its bytes', async () => {
    expect(await inspectUpload({ name: 'photo.jpg', data: await png() })).toEqual({ ok: true, mimeType: 'image/png' })
  })

  it('refuses a text file disguised with an image extension, in Chinese', async () => {
    const result = await inspectUpload({ name: 'photo.png', data: Buffer.from('not really an image') })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('不是可识别的图片或 PDF')
  })

  it('accepts a complete PDF and refuses a truncated one', async () => {
    expect((await inspectUpload({ name: 'a.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj\n%%EOF\n') })).ok).toBe(true)
    expect((await inspectUpload({ name: 'a.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj') })).ok).toBe(false)
  })

  it('refuses empty and oversized files', async () => {
    expect((await inspectUpload({ name: 'empty.png', data: Buffer.alloc(0) })).ok).toBe(false)
    const big = await inspectUpload({ name: 'big.pdf', data: Buffer.alloc(MAX_UPLOAD_BYTES + 1) })
    expect(big.ok).toBe(false)
    if (!big.ok) expect(big.message).toContain('大小限制')
  })
})

describe('media by URL', () => {
  const env = { MEDIA_URL_ALLOWLIST: 'https://img.example.gov.cn, https://cdn.example.gov.cn/photos/' }
  it('is refused unless the operator allowed the address', () => {
    expect(mediaUrlAllowed('https://img.example.gov.cn/a.png', {})).toBe(false)
    expect(mediaUrlAllowed('https://img.example.gov.cn/a.png', env)).toBe(true)
    expect(mediaUrlAllowed('https://cdn.example.gov.cn/photos/2026/a.png', env)).toBe(true)
  })

  it('matches the origin and the path, not a string prefix', () => {
    expect(mediaUrlAllowed('https://img.example.gov.cn.evil.example/a.png', env)).toBe(false)
    expect(mediaUrlAllowed('https://img.example.gov.cn@evil.example/a.png', env)).toBe(false)
    expect(mediaUrlAllowed('http://img.example.gov.cn/a.png', env)).toBe(false)
    expect(mediaUrlAllowed('https://cdn.example.gov.cn/private/a.png', env)).toBe(false)
    expect(mediaUrlAllowed('not a url', env)).toBe(false)
  })
})
