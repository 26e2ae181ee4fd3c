/**
 * True counts for the search filters: how many results each value gives for the current search with the
 * other groups' choices applied (values of one group widen each other, groups narrow), from the count data
 * the publisher writes (site/lib/filter-counts.ts) rather than a search per value. With no query typed,
 * over the whole index (one small file); with a query, over the partitions the search consulted (each
 * one's table of its pages' values, and the query's pages there, which Pagefind already has), so counting
 * costs a few KB per partition and never loads the older years the search did not. Stale copies of
 * changed pages (`removed`) are left out, so a page is never counted twice.
 */
import { type Counts, countCombos, INDEX_FILTER_COUNTS, type IndexFilterCounts, PARTITION_FILTERS_FILE, type PartitionFilters } from '../lib/filter-counts.ts'
import type { RawResult } from './search-hits.ts'

export interface CountingIndex {
  search: (q: string, o: object) => Promise<{ results: RawResult[] } | null>
}
/** A partition the search consulted: its folder and its Pagefind instance. */
export interface Consulted {
  path: string
  index: Promise<CountingIndex>
}

export const filterCounter = (removed: Set<string>) => {
  const files = new Map<string, Promise<unknown>>()
  const json = <T>(url: string): Promise<T> => {
    let found = files.get(url)
    if (!found) {
      found = fetch(url).then((res) => {
        if (!res.ok) throw new Error(`HTTP ${String(res.status)}`)
        return res.json()
      })
      found.catch(() => files.delete(url))
      files.set(url, found)
    }
    return found as Promise<T>
  }

  /** `terms`: the query's Pagefind terms (each spelling); null: no query, every page counts. */
  return async (terms: string[] | null, chosen: Record<string, string[]>, consulted: Consulted[]): Promise<Counts> => {
    if (!terms) {
      const all = await json<IndexFilterCounts>(INDEX_FILTER_COUNTS)
      return countCombos(all, all.n.map((n, combo): [number, number] => [combo, n]), chosen)
    }
    const counts: Counts = new Map()
    for (const partition of consulted) {
      const [table, index] = await Promise.all([json<PartitionFilters>(`${partition.path}${PARTITION_FILTERS_FILE}`), partition.index])
      const ids = new Set<string>()
      for (const term of terms) for (const r of (await index.search(term, {}))?.results ?? []) if (!removed.has(r.id)) ids.add(r.id)
      const weights = new Map<number, number>()
      for (const id of ids) {
        const combo = table.pages[id]
        if (combo !== undefined) weights.set(combo, (weights.get(combo) ?? 0) + 1)
      }
      countCombos(table, weights, chosen, counts)
    }
    return counts
  }
}
