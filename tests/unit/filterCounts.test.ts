// The search filters' count data: what the publisher writes from the pages' declared filter values, and
// the counts the search page works out from it.
import { describe, expect, it } from 'vitest'

import { filtersOf, indexFilterCounts, partitionFilters } from '../../publisher/search-filters.ts'
import { countCombos } from '../../site/lib/filter-counts.ts'

const page = (type: string, year: string, regions: string[]) =>
  `<main data-pagefind-body><span hidden data-pagefind-ignore data-pagefind-filter="类型" data-pagefind-meta="type">${type}</span>` +
  `<span hidden data-pagefind-ignore data-pagefind-filter="年份">${year}</span>` +
  regions.map((r) => `<span hidden data-pagefind-ignore data-pagefind-filter="镇街">${r}</span>`).join('') +
  '<p>正文 内容</p></main>'

const inputs = new Map([
  ['/a/', page('工作动态', '2024', ['大峪街道'])],
  ['/b/', page('工作动态', '2025', ['大峪街道', '城子街道'])],
  ['/c/', page('政策文件', '2025', [])],
  ['/d/', page('工作动态', '2025', ['城子街道'])],
])
const fragments = new Map([...inputs.keys()].map((url, i) => [url, `cmn_${String(i)}`]))

const asObject = (counts: Map<string, Map<string, number>>) => Object.fromEntries([...counts].map(([g, m]) => [g, Object.fromEntries(m)]))

describe('search filter counts', () => {
  it('reads the values a page declares, entities resolved', () => {
    expect(filtersOf('<span data-pagefind-filter="发文机关·刊物"> 区委&amp;区政府 </span>')).toEqual([['发文机关·刊物', '区委&区政府']])
  })

  it('counts every value with the other groups’ choices applied, over the whole index', () => {
    const table = partitionFilters(fragments, inputs)
    expect(Object.keys(table.pages)).toHaveLength(4)
    const all = indexFilterCounts([table], new Set())
    const weights = all.n.map((n, combo): [number, number] => [combo, n])
    expect(asObject(countCombos(all, weights, {}))).toEqual({
      类型: { 工作动态: 3, 政策文件: 1 },
      年份: { 2024: 1, 2025: 3 },
      镇街: { 大峪街道: 2, 城子街道: 2 },
    })
    // 2025 chosen: the other groups narrow to 2025's pages, 年份 itself still shows every year.
    expect(asObject(countCombos(all, weights, { 年份: ['2025'] }))).toEqual({
      类型: { 工作动态: 2, 政策文件: 1 },
      年份: { 2024: 1, 2025: 3 },
      镇街: { 大峪街道: 1, 城子街道: 2 },
    })
    // Values of one group widen: 大峪 or 城子.
    expect(asObject(countCombos(all, weights, { 镇街: ['大峪街道', '城子街道'] })).类型).toEqual({ 工作动态: 3 })
  })

  it('leaves out the stale copies of changed pages', () => {
    const all = indexFilterCounts([partitionFilters(fragments, inputs)], new Set(['cmn_0', 'cmn_2']))
    expect(asObject(countCombos(all, all.n.map((n, c): [number, number] => [c, n]), {})).类型).toEqual({ 工作动态: 2 })
  })
})
