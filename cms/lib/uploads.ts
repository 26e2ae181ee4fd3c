import { readFile } from 'node:fs/promises'

import sharp from 'sharp'

/** The largest upload the CMS accepts, in bytes (20 MB: a scanned multi-page PDF fits). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/**
 * The most pixels an image may have (50 megapixels: any phone or camera photo). Resizing decodes the
 * whole image, so a small file of huge dimensions (a 16k×16k PNG is a few hundred KB) would otherwise
 * take gigabytes of memory.
 */
export const MAX_IMAGE_PIXELS = 50_000_000

/** The alt text of a picture imported from Word without a description: the content checks treat it as missing. */
export const PENDING_ALT = '【待填写替代文字】'

/** MIME types the media library accepts: raster images and PDF. */
export const ACCEPTED_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf']

const SHARP_FORMAT_TO_MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/avif',
  gif: 'image/gif',
}

/** What an uploaded file's bytes turned out to be. */
export type UploadCheck = { ok: true; mimeType: string } | { ok: false; message: string }

/**
 * Decides from the bytes, never the name or the declared type, whether an upload is an image or PDF
 * the library accepts. A text file renamed `photo.png` is refused.
 */
export const inspectUpload = async (file: { data?: Buffer; tempFilePath?: string; name: string; size?: number }): Promise<UploadCheck> => {
  const data = file.data && file.data.length > 0 ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : Buffer.alloc(0)
  if (data.length === 0) return { ok: false, message: `文件“${file.name}”是空文件，请重新选择` }
  if (data.length > MAX_UPLOAD_BYTES) {
    return { ok: false, message: `文件“${file.name}”超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 的大小限制，请压缩后再上传` }
  }
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') {
    return data.includes(Buffer.from('%%EOF'))
      ? { ok: true, mimeType: 'application/pdf' }
      : { ok: false, message: `文件“${file.name}”不是完整的 PDF 文件，可能已损坏` }
  }
  try {
    // metadata() reads the header only; nothing is decoded yet.
    const meta = await sharp(data, { limitInputPixels: false }).metadata()
    const mimeType = meta.format ? SHARP_FORMAT_TO_MIME[meta.format] : undefined
    if (mimeType && meta.width && meta.height) {
      const pixels = meta.width * meta.height * Math.max(1, meta.pages ?? 1)
      if (pixels > MAX_IMAGE_PIXELS) {
        return {
          ok: false,
          message: `图片“${file.name}”尺寸过大（${String(meta.width)}×${String(meta.height)} 像素${(meta.pages ?? 1) > 1 ? `，${String(meta.pages)} 帧` : ''}），最多 ${String(MAX_IMAGE_PIXELS / 10_000)} 万像素，请缩小后再上传`,
        }
      }
      return { ok: true, mimeType }
    }
  } catch {
    // Not decodable as an image: fall through to the refusal below.
  }
  return { ok: false, message: `文件“${file.name}”不是可识别的图片或 PDF，只能上传 JPEG、PNG、WebP、AVIF、GIF 图片或 PDF 文件` }
}

/**
 * Address prefixes the server may fetch media from (`MEDIA_URL_ALLOWLIST`, comma-separated, e.g.
 * `https://img.example.gov.cn/`). Empty by default: files are uploaded, never fetched by URL.
 */
export const mediaUrlAllowlist = (env: Record<string, string | undefined> = process.env): string[] =>
  (env.MEDIA_URL_ALLOWLIST ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * Whether the operator allowed fetching media from this URL: same origin as an allowed prefix and a path
 * under it (a bare string prefix would let `https://img.example.gov.cn.evil.example/` through).
 */
export const mediaUrlAllowed = (url: string, env?: Record<string, string | undefined>): boolean => {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  return mediaUrlAllowlist(env).some((prefix) => {
    const allowed = new URL(prefix)
    return target.origin === allowed.origin && target.pathname.startsWith(allowed.pathname)
  })
}

/** The same allow list in the form of Payload's paste-URL option (`false`: pasting a URL is off). */
export const pasteUrlOption = (env?: Record<string, string | undefined>) => {
  const prefixes = mediaUrlAllowlist(env)
  if (prefixes.length === 0) return false as const
  return {
    allowList: prefixes.map((prefix) => {
      const url = new URL(prefix)
      return { protocol: url.protocol.replace(':', '') as 'http' | 'https', hostname: url.hostname, port: url.port || undefined, pathname: `${url.pathname.replace(/\/$/, '')}/**` }
    }),
  }
}
