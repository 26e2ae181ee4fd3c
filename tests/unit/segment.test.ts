import { describe, expect, it } from 'vitest'

import { indexInput } from '../../publisher/search-index.ts'
import { joinWords, splitWords } from '../../site/lib/segment.ts'

describe('Chinese word segmentation shared by the index and the search page', () => {
  it('splits Chinese into words and leaves other text as it is', () => {
    expect(splitWords('完善出口退税负担机制').trim().split(' ')).toEqual(['完善', '出口', '退', '税', '负担', '机制'])
    expect(splitWords('Pagefind 1.6 和 window.__x=1')).toBe('Pagefind 1.6 和 window.__x=1')
    expect(splitWords('2024年政府工作报告').trim()).toBe('2024 年 政府 工作 报告')
  })

  it('splits a clause the same way on its own and inside a sentence', () => {
    const clause = splitWords('门前三包').trim()
    expect(splitWords('落实“门前三包”责任制，')).toContain(` ${clause} `)
  })

  it('takes out the spaces it put between words, through the marks of hits', () => {
    const text = '落实“门前三包”责任制，2024年1月用Pagefind 1.6检索<b>'
    expect(joinWords(splitWords(text)).trim()).toBe(text)
    // A space the text had beside a Chinese character cannot be told from an inserted one: it goes too.
    expect(joinWords(splitWords('使用 Pagefind 检索')).trim()).toBe('使用Pagefind检索')
    expect(joinWords('落实 “ <mark>门前</mark> <mark>三</mark> <mark>包</mark> ” 责任 制')).toBe('落实“<mark>门前</mark><mark>三</mark><mark>包</mark>”责任制')
  })

  it('indexes split words but keeps metadata and filter values whole, out of the indexed words', () => {
    const html =
      '<main data-pagefind-body><span hidden data-pagefind-meta="title">门前三包</span><span hidden data-pagefind-filter="镇街">永定镇</span>' +
      '<h1 title="a>b">门前三包 &amp; 垃圾分类</h1></main>'
    const input = indexInput(html, [])!.input
    expect(input).toContain('<span data-pagefind-ignore hidden data-pagefind-meta="title">\u200a门前\u200a三\u200a包\u200a</span>')
    expect(input).toContain('<span data-pagefind-ignore hidden data-pagefind-filter="镇街">永定镇</span>')
    expect(input).toContain('<h1 title="a>b"> 门前 三 包 &amp; 垃圾 分类 </h1>')
  })
})
