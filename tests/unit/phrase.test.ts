import { describe, expect, it } from 'vitest'

import { ABBREVIATIONS, mergeGroups, queryVariants } from '../../site/lib/abbreviations.ts'
import { MOST_OF_PHRASE, PHRASE, WORDS_ONLY, longestRun, phraseRank, queryWords, quotedPhrase } from '../../site/lib/phrase.ts'
import { type Hit, ResultOrder } from '../../site/scripts/search-hits.ts'

describe('phrase rank from matched word positions', () => {
  it('finds the longest run of consecutive positions', () => {
    expect(longestRun([])).toBe(0)
    expect(longestRun([4])).toBe(1)
    expect(longestRun([1, 3, 4, 5, 9, 10])).toBe(3)
    expect(longestRun([1, 2, 2, 3])).toBe(3)
  })

  it('ranks the whole query as a phrase above most of it above shared words', () => {
    expect(phraseRank([10, 11, 12, 13, 14, 15], 6)).toBe(PHRASE)
    expect(phraseRank([3, 10, 11, 12, 13, 40], 6)).toBe(MOST_OF_PHRASE)
    expect(phraseRank([3, 10, 11, 20, 40, 41], 6)).toBe(WORDS_ONLY)
    // One word: no phrase to find.
    expect(phraseRank([1, 2, 3], 1)).toBe(WORDS_ONLY)
  })

  it('splits a query into the words the index holds, without punctuation', () => {
    expect(queryWords('完善出口退税负担机制')).toEqual(['完善', '出口', '退', '税', '负担', '机制'])
    expect(queryWords('“门前三包”，GDP')).toEqual(['门前', '三', '包', 'GDP'])
  })

  it('reads a phrase in ASCII, Chinese or corner quotation marks', () => {
    expect(quotedPhrase('"门前三包"')).toBe('门前三包')
    expect(quotedPhrase('“门前三包”')).toBe('门前三包')
    expect(quotedPhrase(' 「门前三包」 ')).toBe('门前三包')
    expect(quotedPhrase('门前三包')).toBeNull()
    expect(quotedPhrase('“”')).toBeNull()
  })
})

describe('abbreviations applied both ways', () => {
  const groups = mergeGroups(ABBREVIATIONS)

  it('writes an abbreviated meeting name out in full, and a full one short', () => {
    expect(queryVariants('十三届全国人大四次会议', groups)).toContain('第十三届全国人民代表大会第四次会议')
    expect(queryVariants('第十三届全国人民代表大会第四次会议', groups)).toContain('十三届全国人大四次会议')
    expect(queryVariants('全国人民代表大会常务委员会', groups)).toContain('全国人大常委会')
    expect(queryVariants('国办', groups)).toContain('国务院办公厅')
  })

  it('keeps the query as typed first and drops repeats', () => {
    const variants = queryVariants('门前三包', groups)
    expect(variants).toEqual(['门前三包'])
    expect(queryVariants('全国人大', groups)[0]).toBe('全国人大')
  })

  it('does not put 第 before an ordinal that has one, or inside a numeral', () => {
    expect(queryVariants('第十三届', groups)).toEqual(['第十三届', '十三届'])
    expect(queryVariants('十三届', groups)).toEqual(['十三届', '第十三届'])
  })

  it("merges editors' synonyms with the built-in list, longest form first", () => {
    const merged = mergeGroups([...ABBREVIATIONS, ['创城', '创建文明城市', '文明城市创建']])
    const group = merged.find((g) => g.includes('创城'))!
    expect(group).toEqual(expect.arrayContaining(['创建全国文明城市', '创建文明城市', '创城', '文明城市创建']))
    expect(group[0]).toBe('创建全国文明城市')
    expect(merged.filter((g) => g.includes('创城'))).toHaveLength(1)
  })
})

describe('results merged across spellings and partitions', () => {
  const hit = (id: string, rank: number, norm: number, date?: string): Hit => ({
    raw: { id, score: norm, words: [], data: () => Promise.resolve({ url: `/${id}/`, excerpt: '', meta: { date }, filters: {} }) },
    rank,
    norm,
  })

  it('by relevance: phrase first, each page once in its best showing, shown results stay put', async () => {
    const order = new ResultOrder(null)
    order.add([hit('a', WORDS_ONLY, 1), hit('b', PHRASE, 0.2)], 0)
    expect(order.ordered.map((h) => h.raw.id)).toEqual(['b', 'a'])
    order.add([hit('a', PHRASE, 0.5), hit('c', PHRASE, 0.9)], 1)
    await order.fill(5)
    expect(order.ordered.map((h) => h.raw.id)).toEqual(['b', 'c', 'a'])
    expect(order.ordered[2]!.rank).toBe(PHRASE)
    expect(order.total).toBe(3)
  })

  it('by date: lists in date order are merged as far as asked, each page once', async () => {
    const order = new ResultOrder('desc')
    order.add([hit('a', 0, 1, '2024-01-01'), hit('c', 0, 1, '2020-01-01')], 0)
    order.add([hit('b', 0, 1, '2022-01-01'), hit('a', 0, 1, '2024-01-01')], 0)
    await order.fill(2)
    expect(order.ordered.map((h) => h.raw.id)).toEqual(['a', 'b'])
    await order.fill(10)
    expect(order.ordered.map((h) => h.raw.id)).toEqual(['a', 'b', 'c'])
    expect(order.total).toBe(3)
  })
})
