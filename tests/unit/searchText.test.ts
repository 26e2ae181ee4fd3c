import { describe, expect, it } from 'vitest'

import { docNumberParts, docNumberToken, partialDocNumber, withDocNumbersWritten } from '../../cms/lib/docNumber.ts'
import { indexInput, ownWordsOf, withOwnWords } from '../../publisher/search-index.ts'
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
    expect(queryText('二〇一九 政府工作报告')).toBe('2019 政府工作报告')
    expect(searchText('一二三四五条')).toBe('一二三四五条')
  })
})

describe('a page written in traditional characters in the index', () => {
  const html = page(
    '<h1 data-pagefind-meta="title">關於經濟發展的報告</h1><div data-pagefind-ignore>朗讀全文</div><p>我們的經濟發展很好，二〇二三年。</p><p>经济（简体）与經濟。</p>',
  )
  const input = indexInput(html, [])!.input

  it('is indexed in the search’s form, with its own words kept beside the index copy', () => {
    const body = input.slice(input.indexOf('<main'))
    expect(body).toContain('发展')
    expect(body).toContain('2023')
    expect(body).not.toContain('發展')
    expect(input).toMatch(/^<!doctype html><html lang="zh-CN"><body data-own-words="/)
  })

  it('shows its own words again, in order, in the fragment Pagefind wrote from the index copy', () => {
    // Pagefind's copy: the indexed words without the title and the ignored part, with its own full stops.
    const fragment = withOwnWords({ url: '/a/', content: '我们 的 经济 发展 很 好 ， 2023 年 。 经济 （ 简体 ） 与 经济 。', meta: { title: '关于\u200a经济\u200a发展\u200a的\u200a报告' } }, ownWordsOf(input)!)
    expect(fragment.content).toBe('我們 的 經濟 發展 很 好 ， 二〇二三 年 。 经济 （ 简体 ） 与 經濟 。')
    expect(fragment.meta.title).toBe('關於\u200a經濟\u200a發展\u200a的\u200a報告')
  })

  it('leaves a page already in the search’s form as it is', () => {
    expect(indexInput(page('<p>经济发展</p>'), [])!.input).not.toContain('data-own-words')
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
    // A run of them (the number and its parts) reads as the whole number, marked when a part was hit.
    const run = ['门常发〔2021〕23号', '〔2021〕23号', '门常发23号', '23号'].map((p, i) => (i === 2 ? `<mark>${docNumberToken(p)}</mark>` : docNumberToken(p))).join(' ')
    expect(withDocNumbersWritten(`发布。${run}. ${docNumberToken('常发〔2021〕23号')} 完`)).toBe('发布。<mark>门常发〔2021〕23号</mark> 完')
  })
})
