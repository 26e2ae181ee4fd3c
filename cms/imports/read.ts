/**
 * What an uploaded file or pasted text holds, as a list of paragraphs: a .docx (Word, or WPS saving as
 * .docx) is read by mammoth, after Word's automatic numbering is written into the text
 * (./numbering.ts); .doc, .wps, .rtf and .odt files are converted to .docx with LibreOffice first
 * (./convert.ts). Bold runs are kept as `**…**`, a paragraph's alignment and a title-sized font are kept
 * for the recognisers (a 公文's 版头, title and 落款 are told apart by them), and images are taken out
 * with their alt text and their place among the paragraphs. Files that are none of these are refused
 * with a reason an editor can act on; nothing is stored by reading.
 */
import mammoth from 'mammoth'

import { type Convertible, convertToDocx, FORMAT_NAMES } from './convert.ts'
import { ImportError, MAX_IMPORT_BYTES, TOO_LARGE } from './errors.ts'
import { withTypedNumbers } from './numbering.ts'

export interface ImportedImage {
  data: Buffer
  contentType: string
  alt: string
}
/** How a paragraph was set: centred or right-aligned, in a title-sized font (18 pt or more). */
export interface Layout {
  align?: 'center' | 'right'
  large?: boolean
}
/** A paragraph's text (bold as `**…**`) or the index of an image that stands on its own line. */
export type Block = ({ text: string } & Layout) | { image: number }
export interface ReadDocument {
  blocks: Block[]
  images: ImportedImage[]
  /** What mammoth could not carry over (unknown styles, embedded objects), for the editor's summary. */
  notes: string[]
  /** The format the file arrived in, when it was converted (for the editor's summary). */
  convertedFrom?: string
}

const CORRUPT = '无法读取这个 .docx 文件：文件已损坏或不是 Word 文档。请在 Word/WPS 中打开后重新保存再导入。'
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
  for (const match of html.matchAll(/<(p|h[1-6]|li|td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const inner = match[3] ?? ''
    const layout = layoutOfClass(/class="([^"]*)"/.exec(match[2] ?? '')?.[1] ?? '')
    // Images leave the paragraph and stand on their own, where they were.
    for (const part of inner.split(/(<img\b[^>]*>)/)) {
      const image = new RegExp(`<img\\b[^>]*src="${IMAGE_SRC}(\\d+)"`).exec(part)
      if (image) blocks.push({ image: Number(image[1]) })
      else {
        const text = decode(part).trim()
        if (text) blocks.push({ text, ...layout })
      }
    }
  }
  return blocks
}

/** What kind of file the bytes are, by their signature (an editor's file name may say anything). */
const formatOf = (data: Buffer): 'docx' | 'encrypted' | Convertible | null => {
  if (data.subarray(0, 8).equals(OLE)) {
    // An encrypted .docx, a Word 97–2003 .doc and a WPS .wps (Word's binary format under WPS's name) are all OLE compound files.
    return data.includes(Buffer.from('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o', 'latin1')) ? 'encrypted' : 'doc'
  }
  if (data.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf'
  if (data.subarray(0, 4).equals(ZIP)) return data.subarray(30, 90).toString('latin1').includes('opendocument.text') ? 'odt' : 'docx'
  return null
}

/** Paragraph layout travels through mammoth's HTML as a class: wm-center / wm-right, wm-large. */
const LAYOUT_CLASSES = ['wm-center', 'wm-right', 'wm-large', 'wm-center wm-large', 'wm-right wm-large']
const layoutOfClass = (className: string): Layout => ({
  ...(className.includes('wm-center') ? { align: 'center' as const } : className.includes('wm-right') ? { align: 'right' as const } : {}),
  ...(className.includes('wm-large') ? { large: true } : {}),
})
// mammoth's document model (its README's transformDocument; the bundled types leave it out).
type MammothElement = {
  type?: string
  alignment?: string | null
  styleId?: string | null
  styleName?: string | null
  fontSize?: number | null
  value?: string
  children?: MammothElement[]
}
const runsOf = (element: MammothElement): MammothElement[] => (element.children ?? []).flatMap((c) => (c.type === 'run' ? [c] : runsOf(c)))
const textOf = (element: MammothElement): string => element.value ?? (element.children ?? []).map(textOf).join('')
const annotateLayout = (element: MammothElement): MammothElement => {
  if (element.type !== 'paragraph') return element.children ? { ...element, children: element.children.map(annotateLayout) } : element
  const paragraph = element
  const runs = runsOf(paragraph)
  const large = runs.some((r) => (r.fontSize ?? 0) >= 18 && textOf(r).trim() !== '')
  const align = paragraph.alignment === 'center' ? 'wm-center' : paragraph.alignment === 'right' || paragraph.alignment === 'end' ? 'wm-right' : ''
  const className = [align, large ? 'wm-large' : ''].filter(Boolean).join(' ')
  return className ? { ...paragraph, styleId: null, styleName: className } : paragraph
}

/** Any accepted file as a .docx: converted by LibreOffice when it is not one already. */
const asDocx = async (data: Buffer, fileName: string): Promise<{ docx: Buffer; convertedFrom?: string }> => {
  if (data.length === 0) throw new ImportError('上传的文件是空的（0 字节），请重新选择文件。')
  if (data.length > MAX_IMPORT_BYTES) throw new ImportError(TOO_LARGE, 413)
  const format = formatOf(data)
  if (format === 'encrypted')
    throw new ImportError('这个 Word 文档设置了打开密码（已加密），无法读取。请在 Word/WPS 中取消密码（文件 › 信息 › 保护文档）后另存为 .docx 再导入。', 415)
  if (format === null) throw new ImportError('上传的文件不是 Word/WPS 文档。请上传 .docx、.doc 或 .wps 文件，或直接粘贴文字。', 415)
  if (format === 'docx') return { docx: data }
  // A .wps converts as the Word file it is, and is named as the editor knows it.
  const named = format === 'doc' && /\.wps$/i.test(fileName) ? 'wps' : format
  return {
    docx: await convertToDocx(data, format),
    convertedFrom: FORMAT_NAMES[named],
  }
}

export const readDocx = async (upload: Buffer, fileName = ''): Promise<ReadDocument> => {
  const { docx, convertedFrom } = await asDocx(upload, fileName)
  const data = await withTypedNumbers(docx).catch(() => {
    throw new ImportError(CORRUPT, 422)
  })
  const images: ImportedImage[] = []
  const result = await mammoth
    .convertToHtml(
      { buffer: data },
      {
        transformDocument: annotateLayout,
        styleMap: LAYOUT_CLASSES.map((c) => `p[style-name='${c}'] => p.${c.replace(' ', '.')}:fresh`),
        convertImage: mammoth.images.imgElement(async (image) => {
          images.push({
            data: await image.readAsBuffer(),
            contentType: image.contentType,
            alt: '',
          })
          return { src: `${IMAGE_SRC}${String(images.length - 1)}` }
        }),
      },
    )
    .catch(() => {
      throw new ImportError(CORRUPT, 422)
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
  return { blocks, images, notes, convertedFrom }
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
