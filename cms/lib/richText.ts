/**
 * Rich text in and out of the Lexical state Payload stores, through Payload's own converters and the
 * project's editor config (cms/payload.config.ts), so what the seed, the bench, the tests and the Word
 * import write is exactly what the admin's editor would have made. Markdown is the input language:
 * paragraphs separated by blank lines, `## ` headings, `1. ` lists, `> ` call-outs, `**bold**`.
 */
import { convertMarkdownToLexical, editorConfigFactory, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import config from '../payload.config.ts'
import { richTextEditor } from './editor.ts'
import type { News } from '../payload-types.ts'

/** A rich-text field's value as the generated types spell it. */
export type RichText = News['body']

let editorConfig: Promise<SanitizedServerEditorConfig> | undefined
const projectEditor = () =>
  (editorConfig ??= config.then((sanitized) => editorConfigFactory.fromEditor({ config: sanitized, editor: richTextEditor })))

export const markdownToRichText = async (markdown: string): Promise<RichText> =>
  convertMarkdownToLexical({ editorConfig: await projectEditor(), markdown }) as unknown as RichText

/**
 * Text as Markdown that reads literally: the inline markers (emphasis, code, strike-through) are escaped.
 * Block markers at a line's start (`# `, `> `, `1. `) are left to the caller, who decides what a line is.
 */
export const literalMarkdown = (text: string): string => text.replace(/([\\*_`~])/g, '\\$1')

const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'upload', 'horizontalrule'])

/** The plain text of a Lexical state, blocks (paragraphs, headings, list items) separated by blank lines (for summaries, search and checks). */
export const richTextToPlainText = (state: unknown): string => {
  const blocks: string[] = []
  const inline = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { type?: string; text?: unknown; children?: unknown[] }
    if (typeof n.text === 'string') return n.text
    if (n.type === 'linebreak') return '\n'
    return (n.children ?? []).map(inline).join('')
  }
  const walk = (node: unknown) => {
    const n = node as { type?: string; children?: unknown[] } | null
    if (!n || typeof n !== 'object') return
    // A list item holding a nested list is a container; one holding text is a block.
    const isContainer = (n.children ?? []).some((c) => (c as { type?: string } | null)?.type === 'list')
    if (n.type && BLOCKS.has(n.type) && !isContainer) {
      const text = inline(n)
      if (text) blocks.push(text)
      return
    }
    for (const child of n.children ?? []) walk(child)
  }
  walk((state as { root?: unknown } | null)?.root)
  return blocks.join('\n\n')
}
