import { describe, expect, it } from 'vitest'

import { docNumberToken } from '../../cms/lib/docNumber.ts'
import { indexInput, withoutIgnored } from '../../publisher/search-index.ts'

const page = (body: string) => `<html><body><header>页头</header><main id="main" data-pagefind-body>${body}</main><footer>页脚</footer></body></html>`
const token = docNumberToken('门常发〔2021〕23号')

describe('what the search index reads of a page', () => {
  it('adds the word of a document number the page cites', () => {
    expect(indexInput(page('<p>对照门常发〔2021〕23号要求。</p>'), [])?.input).toContain(token)
  })

  it('takes nothing from parts Pagefind ignores, nested elements included', () => {
    const related = '<aside class="doc-links" data-pagefind-ignore="all"><section><ul><li><a>决议（门常发〔2021〕23号）</a></li></ul></section></aside>'
    expect(indexInput(page(`<article><p>一图读懂。</p></article>${related}<p>其后的正文</p>`), [])?.input).not.toContain(token)
    expect(withoutIgnored(`<div>前<div data-pagefind-ignore><div>内</div>仍在内</div>后</div>`)).toBe('<div>前后</div>')
  })

  it('passes Pagefind none of what it ignores whole, and keeps what only hides metadata or filters from the text', () => {
    const related = '<aside data-pagefind-ignore="all"><ul><li><a>相关阅读标题</a></li></ul></aside><div data-pagefind-ignore="all" hidden><button>朗读全文</button></div>'
    const filter = '<span data-pagefind-ignore hidden data-pagefind-filter="镇街">王平镇</span>'
    const input = indexInput(page(`${filter}<article><p>正文内容</p></article>${related}`), [])!.input
    expect(input).not.toMatch(/相关|朗读/)
    expect(input).toContain('data-pagefind-filter="镇街">王平镇</span>')
    expect(input).toContain('正文')
    expect(withoutIgnored('<div>前<div data-pagefind-ignore>留</div><div data-pagefind-ignore="all">去</div>后</div>', 'all')).toBe('<div>前<div data-pagefind-ignore>留</div>后</div>')
  })
})

describe('a document number on its own page', () => {
  it('is indexed with the highest weight there, and plainly where it is cited', () => {
    const own = indexInput(page('<article data-doc-number="门常发〔2021〕23号"><p>决议正文。</p></article>'), [])!.input
    expect(own).toContain(`<p data-pagefind-weight="10">${token} `)
    const citing = indexInput(page('<p>对照门常发〔2021〕23号要求。</p>'), [])!.input
    expect(citing).not.toContain('data-pagefind-weight')
  })
})
