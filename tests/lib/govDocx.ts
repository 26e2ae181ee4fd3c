/**
 * Test documents as a district office makes them: a .docx written with the `docx` library, formatted by
 * hand (no heading styles): 方正小标宋 title, red masthead for a bulletin, 黑体 for 一、, 楷体 for （一）,
 * 仿宋_GB2312 三号 body with a two-character first-line indent, bold runs where the source has **…**.
 */
import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx'

const CN = '[一二三四五六七八九十]+'
const fontOf = (line: string, index: number, bulletin: boolean): { font: string; size: number; color?: string; center?: boolean } => {
  if (index === 0 && bulletin) return { font: '方正小标宋简体', size: 52, color: 'C00000', center: true }
  if (index === 0) return { font: '方正小标宋简体', size: 44, center: true }
  if (new RegExp(`^${CN}、`).test(line)) return { font: '黑体', size: 32 }
  if (new RegExp(`^[（(]${CN}[）)]`).test(line)) return { font: '楷体_GB2312', size: 32 }
  return { font: '仿宋_GB2312', size: 32 }
}

const runs = (line: string, font: string, size: number, color?: string) =>
  line
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) => new TextRun({ text: part.replace(/\*\*/g, ''), bold: part.startsWith('**'), font: { eastAsia: font, ascii: font }, size, color }))

export interface GovDocxOptions {
  bulletin?: boolean
  /** A picture to place after the given paragraph (PNG bytes), with or without a description. */
  image?: { after: number; png: Buffer; description?: string }
}

/** Lines of text (blank lines are page breaks of the source and start new paragraphs) as a .docx. */
export const govDocx = async (text: string, options: GovDocxOptions = {}): Promise<Buffer> => {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const children: Paragraph[] = []
  lines.forEach((line, i) => {
    const f = fontOf(line, i, options.bulletin ?? false)
    children.push(
      new Paragraph({
        alignment: f.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
        indent: f.center ? undefined : { firstLine: 640 },
        children: runs(line, f.font, f.size, f.color),
      }),
    )
    if (options.image && options.image.after === i) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: options.image.png,
              transformation: { width: 320, height: 200 },
              altText: { name: '图片', title: options.image.description ?? '', description: options.image.description ?? '' },
            }),
          ],
        }),
      )
    }
  })
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

/** A web page's one-line text (004) as the paragraphs an office would have typed. */
export const paragraphsOfWebCopy = (text: string): string =>
  text
    .replace(/(发表时间:\S+ \d{2}:\d{2}) /, '$1\n')
    .split(new RegExp(`\\s+(?=${CN}、|[（(]${CN}[）)])`))
    .flatMap((p) => {
      const m = new RegExp(`^(${CN}、\\S{2,20})\\s+(.+)$`).exec(p)
      return m ? [m[1], m[2]] : [p]
    })
    .join('\n')
