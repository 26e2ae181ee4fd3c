/**
 * Converts the small Markdown subset used by seed files and generated content into Lexical rich text
 * (the editor state Payload stores): blank-line separated paragraphs, `## `/`### ` headings, `> `
 * call-outs and `**bold**` runs. Anything else is kept as literal text, so no word is ever dropped.
 */

type TextNode = { type: 'text'; text: string; format: number; detail: 0; mode: 'normal'; style: ''; version: 1 }
type BlockNode = {
  type: 'paragraph' | 'heading' | 'quote'
  tag?: 'h2' | 'h3'
  children: TextNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  textFormat?: number
  textStyle?: string
}
export interface LexicalState {
  root: { type: 'root'; children: BlockNode[]; direction: 'ltr'; format: ''; indent: 0; version: 1 }
  [k: string]: unknown
}

const BOLD = 1

const textNodes = (line: string): TextNode[] => {
  const nodes: TextNode[] = []
  // Split on paired ** markers; an unpaired marker stays as literal text.
  const parts = line.split(/\*\*(.+?)\*\*/s)
  parts.forEach((text, i) => {
    if (!text) return
    nodes.push({ type: 'text', text, format: i % 2 === 1 ? BOLD : 0, detail: 0, mode: 'normal', style: '', version: 1 })
  })
  return nodes
}

const block = (type: BlockNode['type'], text: string, tag?: 'h2' | 'h3'): BlockNode => ({
  type,
  ...(tag ? { tag } : {}),
  children: textNodes(text),
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...(type === 'paragraph' ? { textFormat: 0, textStyle: '' } : {}),
})

export const markdownToLexical = (markdown: string): LexicalState => {
  const children = markdown
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\s*\n\s*/g, '').trim())
    .filter(Boolean)
    .map((chunk) => {
      if (chunk.startsWith('### ')) return block('heading', chunk.slice(4), 'h3')
      if (chunk.startsWith('## ')) return block('heading', chunk.slice(3), 'h2')
      if (chunk.startsWith('> ')) return block('quote', chunk.slice(2))
      return block('paragraph', chunk)
    })
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}

/** The plain text of a Lexical state, paragraphs separated by blank lines (for summaries and checks). */
export const lexicalToPlainText = (state: unknown): string => {
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { text?: unknown; children?: unknown[] }
    if (typeof n.text === 'string') return n.text
    return Array.isArray(n.children) ? n.children.map(walk).join('') : ''
  }
  const root = (state as { root?: { children?: unknown[] } } | null)?.root
  return (root?.children ?? []).map(walk).join('\n\n')
}
