import { describe, expect, it } from 'vitest'

import { docNumberParts, docNumberToken, partialDocNumber, withDocNumbersWritten } from '../../cms/lib/docNumber.ts'
import { indexInput, withOwnWords } from '../../publisher/search-index.ts'
import { queryText, searchText } from '../../site/lib/search-text.ts'
import { numberQuery } from '../../site/scripts/search.ts'

const page = (body: string) => `<html><body><main id="main" data-pagefind-body>${body}</main></body></html>`

describe('the search form of text', () => {
  it('writes traditional characters as simplified ones, phrases first, keeping every character in its place', () => {
    const written = '臺灣的經濟發展，裡面，於是，乾隆年間，頭髮'
    expect(searchText(written)).toBe('台湾的经济发展，里面，于是，乾隆年间，头发')
    expect(searchText(written)).toHaveLength(written.length)
  })

  it('leaves simplified text as it is', () => {
    const simplified = '坚持稳中求进工作总基调，著力扩大内需，显著提升人民群众获得感'
    expect(searchText(simplified)).toBe(simplified)
  })

  it('writes full-width digits and letters, and years and dates in Chinese numerals, as ASCII digits', () => {
    expect(searchText('２０１９年ＧＤＰ')).toBe('2019年GDP')
    expect(searchText('二〇二三年七月五日印发')).toBe('2023年7月5日印发')
    expect(searchText('一九五四年九月二十三日')).toBe('1954年9月二十三日')
    expect(queryText('二〇二三年七月二十五日')).toBe('2023年7月25日')
    expect(queryText('二〇一九年政府工作报告')).toBe('2019年政府工作报告')
  })
})

describe('a page written in traditional characters in the index', () => {
  const html = page('<h1 data-pagefind-meta="title">關於經濟發展的報告</h1><p>我們的經濟發展很好。经济</p>')
  const input = indexInput(html, [])!.input

  it('is indexed in simplified characters, with its own words noted for the excerpts', () => {
    const body = input.slice(input.indexOf('<main'))
    expect(body).toContain('发展')
    expect(body).not.toContain('發展')
    // 经济 is also written simplified on the page: it cannot be told back and is shown as indexed.
    expect(input).toMatch(/data-own-words="[^"]*发展&quot;:&quot;發展/)
    expect(input).not.toMatch(/data-own-words="[^"]*经济/)
  })

  it('shows its own words again in the fragment Pagefind wrote from the index copy', () => {
    const own = new Map([['发展', '發展'], ['关于', '關於'], ['报告', '報告'], ['我们', '我們']])
    const fragment = withOwnWords({ url: '/a/', content: '关于 经济 发展 的 报告. 我们 的 经济 发展 很好.', meta: { title: '关于\u200a经济\u200a发展' } }, own)
    expect(fragment.content).toBe('關於 经济 發展 的 報告. 我們 的 经济 發展 很好.')
    expect(fragment.meta.title).toBe('關於\u200a经济\u200a發展')
  })
})

describe('parts of a document number', () => {
  it('are what a reader types alone, each found as its page indexes it', () => {
    expect(docNumberParts('门常发[2021]23号')).toEqual(['〔2021〕23号', '门常发23号', '23号'])
    for (const [typed, part, year] of [
      ['23号', '23号', null],
      ['23号文', '23号', null],
      ['2021年23号', '〔2021〕23号', 2021],
      ['[2021]23号', '〔2021〕23号', 2021],
      ['〔2021〕23号', '〔2021〕23号', 2021],
      ['门常发23号', '门常发23号', null],
    ] as const) {
      expect(partialDocNumber(typed), typed).toEqual({ part, year })
      expect(numberQuery(typed)).toEqual({ token: docNumberToken(part), year, whole: false })
    }
    expect(partialDocNumber('门前三包')).toBeNull()
    expect(numberQuery('门常发〔2021〕23号')).toEqual({ token: docNumberToken('门常发〔2021〕23号'), year: 2021, whole: true })
  })

  it("are indexed on the number's own page with its whole number, and written out again in excerpts", () => {
    const input = indexInput(page('<article data-doc-number="门常发〔2021〕23号"><p>决议正文。</p></article>'), [])!.input
    for (const part of ['门常发〔2021〕23号', '〔2021〕23号', '门常发23号', '23号']) expect(input).toContain(docNumberToken(part))
    expect(withDocNumbersWritten(`正文 ${docNumberToken('门常发23号')} 完`)).toBe('正文 门常发23号 完')
  })
})
