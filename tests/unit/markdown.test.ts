import { describe, expect, it } from 'vitest'

import { lexicalToPlainText, markdownToLexical } from '../../cms/lib/markdown.ts'

describe('markdownToLexical', () => {
  it('turns paragraphs, headings, call-outs and bold runs into Lexical nodes', () => {
    const state = markdownToLexical('## 一、指导思想\n\n> 数说：360个社区\n\n要**坚持首善标准**，守正创新。')
    const [heading, quote, paragraph] = state.root.children
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2', children: [{ text: '一、指导思想' }] })
    expect(quote).toMatchObject({ type: 'quote', children: [{ text: '数说：360个社区' }] })
    expect(paragraph?.children.map((c) => [c.text, c.format])).toEqual([
      ['要', 0],
      ['坚持首善标准', 1],
      ['，守正创新。', 0],
    ])
  })

  it('joins a sentence broken across lines and keeps an unpaired marker as text', () => {
    const state = markdownToLexical('体现了区委区政府对文明城区创建工作\n的高度重视**')
    expect(lexicalToPlainText(state)).toBe('体现了区委区政府对文明城区创建工作的高度重视**')
  })
})
