/**
 * What an uploaded file or pasted text holds, as a list of paragraphs: a .docx (Word, or WPS saving as
 * .docx) is read by mammoth; bold runs are kept as `**…**` and images are taken out with their alt text
 * and their place among the paragraphs. Files that are not a .docx are refused with a reason an editor
 * can act on; nothing is stored by reading.
 */
import mammoth from 'mammoth'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const TOO_LARGE = '文件超过 20 MB，无法导入。请删去文中过大的图片后重试。'

export interface ImportedImage {
  data: Buffer
  contentType: string
  alt: string
}
/** A paragraph's text (bold as `**…**`) or the index of an image that stands on its own line. */
export type Block = { text: string } | { image: number }
export interface ReadDocument {
  blocks: Block[]
  images: ImportedImage[]
  /** What mammoth could not carry over (unknown styles, embedded objects), for the editor's summary. */
  notes: string[]
}

/** A refusal: the message is shown to the editor as it is. */
export class ImportError extends Error {
  status: number
  constructor(message: string, status = 400) {
    super(message)
    this.status = status
  }
}

const ZIP = Buffer.from('PK\u0003\u0004', 'latin1')
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex')

const IMAGE_SRC = 'wenming-image:'

const decode = (html: string) =>
  html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/?strong>/g, '**')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    // An empty bold run, or two runs that touch, leave markers with nothing between them.
    .replace(/\*\*(\s*)\*\*/g, '$1')

/** Splits mammoth's HTML into paragraphs (tables read cell by cell, each cell a paragraph). */
const blocksOfHtml = (html: string): Block[] => {
  const blocks: Block[] = []
  for (const match of html.matchAll(/<(p|h[1-6]|li|td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const inner = match[2] ?? ''
    // Images leave the paragraph and stand on their own, where they were.
    for (const part of inner.split(/(<img\b[^>]*>)/)) {
      const image = new RegExp(`<img\\b[^>]*src="${IMAGE_SRC}(\\d+)"`).exec(part)
      if (image) blocks.push({ image: Number(image[1]) })
      else {
        const text = decode(part).trim()
        if (text) blocks.push({ text })
      }
    }
  }
  return blocks
}

export const readDocx = async (data: Buffer): Promise<ReadDocument> => {
  if (data.length === 0) throw new ImportError('上传的文件是空的（0 字节），请重新选择文件。')
  if (data.length > MAX_IMPORT_BYTES) throw new ImportError(TOO_LARGE, 413)
  if (data.subarray(0, 8).equals(OLE)) {
    // Both an encrypted .docx and a Word 97–2003 .doc are OLE compound files.
    const encrypted = data.includes(Buffer.from('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o', 'latin1'))
    throw new ImportError(
      encrypted
        ? '这个 Word 文档设置了打开密码（已加密），无法读取。请在 Word/WPS 中取消密码（文件 › 信息 › 保护文档）后另存为 .docx 再导入。'
        : '这是旧版 Word 文档（.doc）。请在 Word/WPS 中“另存为”Word 文档（.docx）后再导入。',
      415,
    )
  }
  if (!data.subarray(0, 4).equals(ZIP)) throw new ImportError('上传的文件不是 Word/WPS 文档（.docx）。请上传 .docx 文件，或直接粘贴文字。', 415)
  const images: ImportedImage[] = []
  const result = await mammoth
    .convertToHtml(
      { buffer: data },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          images.push({ data: await image.readAsBuffer(), contentType: image.contentType, alt: '' })
          return { src: `${IMAGE_SRC}${String(images.length - 1)}` }
        }),
      },
    )
    .catch(() => {
      throw new ImportError('无法读取这个 .docx 文件：文件已损坏或不是 Word 文档。请在 Word/WPS 中打开后重新保存再导入。', 422)
    })
  // mammoth writes a picture's description (Word: 编辑替代文字) as the alt attribute.
  for (const match of result.value.matchAll(/<img\b[^>]*>/g)) {
    const index = Number(new RegExp(`src="${IMAGE_SRC}(\\d+)"`).exec(match[0])?.[1])
    const alt = /alt="([^"]*)"/.exec(match[0])?.[1]
    if (alt && images[index]) images[index].alt = decode(alt).trim()
  }
  const blocks = blocksOfHtml(result.value)
  if (!blocks.some((b) => 'text' in b)) throw new ImportError('文档里没有文字，无法导入。', 422)
  const notes = [...new Set(result.messages.map((m) => m.message))].map((m) => `Word 格式提示：${m}`)
  return { blocks, images, notes }
}

export const readText = (text: string): ReadDocument => {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line }))
  if (blocks.length === 0) throw new ImportError('粘贴的文字是空的，无法导入。', 422)
  return { blocks, images: [], notes: [] }
}
