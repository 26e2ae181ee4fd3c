// Publishing one document must change a fixed number of list pages, however long the list: the bytes a
// release ships to the public targets must not grow with the archive.
import { describe, expect, test } from 'vitest'

import { paged, pageSpan } from '../../site/lib/paging.ts'
import { PAGE_SIZE } from '../../site/lib/site.ts'

/** `n` items, newest first, one a day back from 2025-12-31. */
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: n - i, date: new Date(Date.UTC(2025, 11, 31 - i)).toISOString().slice(0, 10) }))
const newest = (list: { id: number; date: string }[]) => [{ id: list.length + 1, date: '2026-01-01' }, ...list]

/** The addresses whose page (props) differs between two lists, and those only one of them has. */
const changedPages = (before: ReturnType<typeof items>, after: ReturnType<typeof items>) => {
  const a = new Map(paged('/news/', before).map(([p, props]) => [p, JSON.stringify(props)]))
  const b = new Map(paged('/news/', after).map(([p, props]) => [p, JSON.stringify(props)]))
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort()
}

describe('list pages (site/lib/paging.ts)', () => {
  test.each([PAGE_SIZE * 3 + 7, PAGE_SIZE * 300 + 7])('one new item in a list of %i changes the front page and the newest numbered page only', (n) => {
    const before = items(n)
    expect(changedPages(before, newest(before))).toEqual(['/news/', `/news/p/${String(Math.ceil(n / PAGE_SIZE))}/`])
  })

  test('when a new numbered page starts, only it, its older neighbour and the front page change', () => {
    const before = items(PAGE_SIZE * 40)
    expect(changedPages(before, newest(before))).toEqual(['/news/', '/news/p/40/', '/news/p/41/'])
  })

  test('every item is on exactly one numbered page, oldest on page 1; the front page shows the newest', () => {
    const list = items(PAGE_SIZE * 2 + 5)
    const pages = paged('/news/', list)
    expect(pages[0]![1].items).toEqual(list.slice(0, PAGE_SIZE))
    expect(pages[0]![1].total).toBe(list.length)
    const numbered = pages.slice(1).flatMap(([, p]) => p.items)
    expect(numbered.map((i) => i.id).sort((x, y) => x - y)).toEqual(list.map((i) => i.id).sort((x, y) => x - y))
    expect(pages[1]![0]).toBe('/news/p/1/')
    expect(pages[1]![1].items.at(-1)).toEqual(list.at(-1))
    expect(pageSpan(pages[1]![1])).toBe('2025年10月28日至2025年11月26日')
  })

  test('a short list is one page with no pager', () => {
    expect(paged('/news/', items(PAGE_SIZE))).toEqual([['/news/', { page: 0, total: PAGE_SIZE, items: items(PAGE_SIZE), newer: null, older: null }]])
  })
})
