/**
 * How a list is cut into pages so that publishing one document changes a fixed number of pages, not every
 * page of the list. The list's own address (its front page) shows the newest PAGE_SIZE items; its later
 * pages `p/<n>/` are counted from the oldest item: page 1 holds the oldest PAGE_SIZE items, page 2 the next,
 * and so on, so a page keeps its items — and its bytes — as newer documents arrive. Publishing today's news
 * re-renders the front page and the newest numbered page (and, each time a new numbered page starts, its
 * older neighbour's link). Nothing a numbered page shows depends on how long the list is: no total, no
 * "page n of m". A document dated in the past moves the pages newer than it, as it must.
 */
import { chineseDate } from './dates.ts'
import { PAGE_SIZE } from './site.ts'

export interface ListPage<T> {
  /** 0: the front page; n ≥ 1: the n-th page counted from the oldest. */
  page: number
  /** How many items the list has: on the front page only. */
  total: number | null
  items: T[]
  /** The pages the pager links to (0: the front page; null: none). */
  newer: number | null
  older: number | null
}

/** The front page at `base`, then (when the list is longer than a page) `base` + `p/<n>/`, n counted from the oldest. */
export const paged = <T>(base: string, all: T[]): [string, ListPage<T>][] => {
  const front: [string, ListPage<T>] = [base, { page: 0, total: all.length, items: all.slice(0, PAGE_SIZE), newer: null, older: null }]
  if (all.length <= PAGE_SIZE) return [front]
  const count = Math.ceil(all.length / PAGE_SIZE)
  front[1].older = count - 1
  const numbered = Array.from({ length: count }, (_, i): [string, ListPage<T>] => {
    const n = i + 1
    // `all` is newest first: page n is the n-th slice of PAGE_SIZE counted from its end.
    const items = all.slice(Math.max(0, all.length - n * PAGE_SIZE), all.length - (n - 1) * PAGE_SIZE)
    return [`${base}p/${String(n)}/`, { page: n, total: null, items, newer: n < count ? n + 1 : 0, older: n > 1 ? n - 1 : null }]
  })
  return [front, ...numbered]
}

/** What a numbered page covers, from its items' days (`2023年5月12日至2023年7月3日`); null on the front page. */
export const pageSpan = (list: ListPage<{ date?: string | null }>): string | null => {
  if (list.page === 0) return null
  const days = list.items.map((i) => i.date?.slice(0, 10)).filter((d): d is string => Boolean(d))
  const [newest, oldest] = [days[0], days.at(-1)]
  if (!newest || !oldest) return `第 ${String(list.page)} 组`
  return newest === oldest ? chineseDate(newest) : `${chineseDate(oldest)}至${chineseDate(newest)}`
}

/** A list page's title: the list's on the front page, with the period it covers on a numbered page. */
export const pageTitle = (title: string, list: ListPage<{ date?: string | null }>) => (list.page === 0 ? title : `${title}（${pageSpan(list) ?? ''}）`)

/** How many items a list page speaks of: the whole list on the front page, the page's own on a numbered one. */
export const pageCount = (list: ListPage<{ date?: string | null }>, unit: string) =>
  list.page === 0 ? `共 ${String(list.total)} ${unit}` : `本页为${pageSpan(list) ?? ''}的 ${String(list.items.length)} ${unit}`
