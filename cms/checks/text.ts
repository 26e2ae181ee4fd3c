/**
 * The text of a document as the checks read it: each piece with where it is ("标题", "正文第3段",
 * "【简讯】第2条 正文"), plus the links and images its rich text holds.
 */
export interface Piece {
  where: string
  text: string
}
export interface Extracted {
  pieces: Piece[]
  links: { where: string; url: string }[]
  /** Media ids (or populated media) of images, with where they are. */
  images: { where: string; media: unknown }[]
  /** Sections or headings with nothing under them. */
  empty: string[]
}

type Node = { type?: string; text?: string; children?: Node[]; fields?: { url?: string }; url?: string; value?: unknown; tag?: string }

const textOf = (node: Node): string => (node.text ?? '') + (node.children ?? []).map(textOf).join('')

/** Rich text: one piece per block (paragraph, heading, list item, quote). */
const richText = (state: unknown, label: string, out: Extracted) => {
  const root = (state as { root?: Node } | null | undefined)?.root
  if (!root) return
  let block = 0
  let openHeading: string | null = null
  const visit = (node: Node, where: string) => {
    if (node.type === 'link' || node.type === 'autolink') {
      const url = node.fields?.url ?? node.url
      if (url) out.links.push({ where, url })
    }
    if (node.type === 'upload') out.images.push({ where, media: node.value })
    for (const child of node.children ?? []) visit(child, where)
  }
  for (const node of root.children ?? []) {
    block++
    const where = `${label}第${String(block)}段`
    const text = textOf(node).trim()
    if (node.type === 'heading') {
      if (openHeading) out.empty.push(openHeading)
      openHeading = `${label}第${String(block)}段的小标题“${text.slice(0, 20)}”下没有内容`
    } else if (text || node.type === 'upload') openHeading = null
    if (text) out.pieces.push({ where, text })
    visit(node, where)
  }
  if (openHeading) out.empty.push(openHeading)
}

const plain = (value: unknown, where: string, out: Extracted) => {
  if (typeof value === 'string' && value.trim()) out.pieces.push({ where, text: value })
}

/** Every checked field of a document of `collection`. */
export const extract = (collection: string, doc: Record<string, unknown>): Extracted => {
  const out: Extracted = { pieces: [], links: [], images: [], empty: [] }
  plain(doc.title ?? doc.name, '标题', out)
  plain(doc.subtitle, '副标题', out)
  plain(doc.summary, '摘要', out)
  plain(doc.authors, '作者', out)
  richText(doc.body ?? doc.story, '正文', out)
  for (const [i, k] of ((doc.keyFigures ?? []) as { label?: string }[]).entries()) plain(k.label, `数说第${String(i + 1)}项`, out)
  for (const field of ['cover', 'portrait'] as const) if (doc[field]) out.images.push({ where: field === 'cover' ? '题图' : '照片', media: doc[field] })
  if (collection === 'bulletins') {
    for (const [s, section] of ((doc.sections ?? []) as { heading?: string; items?: Record<string, unknown>[] }[]).entries()) {
      const name = section.heading ? `【${section.heading}】` : `第${String(s + 1)}栏`
      if (!section.items?.length) out.empty.push(`${name}没有稿件`)
      plain(section.heading, `${name}栏目名称`, out)
      for (const [i, item] of (section.items ?? []).entries()) {
        const at = `${name}第${String(i + 1)}条`
        plain(item.title, `${at} 标题`, out)
        plain(item.source, `${at} 署名`, out)
        richText(item.body, `${at} 正文`, out)
      }
    }
  }
  return out
}
