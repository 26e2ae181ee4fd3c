import { describe, expect, it } from 'vitest'

import { literalMarkdown, markdownToRichText, richTextToPlainText } from '../../cms/lib/richText.ts'

type Node = { type: string; tag?: string; text?: string; format?: number; children?: Node[] }
const blocks = (state: unknown) => (state as { root: { children: Node[] } }).root.children

describe('rich text through Payload’s converters', () => {
  it('turns headings, call-outs, lists and bold runs next to Chinese punctuation into Lexical nodes', async () => {
    const state = await markdownToRichText('## 一、指导思想\n\n> 数说：360个社区\n\n张翠萍要求：**一要强化责任意识。**要对标问题。\n\n1. 第一项\n2. 第二项')
    const [heading, quote, paragraph, list] = blocks(state)
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2', children: [{ text: '一、指导思想' }] })
    expect(quote).toMatchObject({ type: 'quote', children: [{ text: '数说：360个社区' }] })
    expect(paragraph?.children?.map((c) => [c.text, c.format])).toEqual([
      ['张翠萍要求：', 0],
      ['一要强化责任意识。', 1],
      ['要对标问题。', 0],
    ])
    expect(list).toMatchObject({ type: 'list', tag: 'ol' })
    expect(richTextToPlainText(state)).toBe('一、指导思想\n\n数说：360个社区\n\n张翠萍要求：一要强化责任意识。要对标问题。\n\n第一项\n\n第二项')
  })

  it('keeps a document’s own asterisks and underscores literal when asked', async () => {
    const text = '通知 a*b*c 与 2*3=6，_下划线_、`反引号` 和 ~波浪号~'
    const state = await markdownToRichText(literalMarkdown(text))
    expect(blocks(state)).toHaveLength(1)
    expect(blocks(state)[0]).toMatchObject({ type: 'paragraph' })
    expect(richTextToPlainText(state)).toBe(text)
  })
})
