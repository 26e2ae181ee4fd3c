/**
 * The search filters' count data (written by the publisher, read by the search page): small tables of the
 * filter values pages carry, so the page counts each value's results without a search per value.
 * - `filters.json` in each partition: its distinct combinations of values and each page's combination
 *   (by Pagefind's fragment id), to count the results of a query in the partitions it consulted;
 * - `/pagefind/filter-counts.json`: how many pages of the whole index have each combination (stale copies
 *   of changed pages left out), to count every value when no query is typed.
 */

/** A table of combinations: `values` are [group, value] pairs; a combination lists the indexes of its values. */
export interface FilterTable {
  values: [string, string][]
  combos: number[][]
}
export interface PartitionFilters extends FilterTable {
  /** Fragment id → its combination. */
  pages: Record<string, number>
}
export interface IndexFilterCounts extends FilterTable {
  /** Pages of each combination. */
  n: number[]
}

export const PARTITION_FILTERS_FILE = 'filters.json'
export const INDEX_FILTER_COUNTS = '/pagefind/filter-counts.json'

/** Group name → value → count. */
export type Counts = Map<string, Map<string, number>>

/**
 * Each value's count over weighted combinations, with the other groups' choices applied: a combination
 * counts for a value of one group when, for every other group with values chosen, it holds one of them
 * (values of one group widen each other, groups narrow).
 */
export const countCombos = (table: FilterTable, weights: Iterable<[number, number]>, chosen: Record<string, string[]>, into: Counts = new Map()): Counts => {
  const narrowing = Object.entries(chosen).filter(([, values]) => values.length > 0)
  for (const [combo, weight] of weights) {
    const pairs = (table.combos[combo] ?? []).map((i) => table.values[i]!)
    const holds = (group: string, values: string[]) => pairs.some(([g, v]) => g === group && values.includes(v))
    for (const [group, value] of pairs) {
      if (!narrowing.every(([other, values]) => other === group || holds(other, values))) continue
      const ofGroup = into.get(group) ?? new Map<string, number>()
      into.set(group, ofGroup.set(value, (ofGroup.get(value) ?? 0) + weight))
    }
  }
  return into
}

/** Builds a table from each key's [group, value] pairs; returns it with each key's combination. */
export const tableOf = <K>(entries: Iterable<[K, [string, string][]]>): { table: FilterTable; comboOf: Map<K, number> } => {
  const table: FilterTable = { values: [], combos: [] }
  const valueIndex = new Map<string, number>()
  const comboIndex = new Map<string, number>()
  const comboOf = new Map<K, number>()
  for (const [key, pairs] of entries) {
    const combo = pairs
      .map(([group, value]) => {
        const id = `${group}\0${value}`
        let i = valueIndex.get(id)
        if (i === undefined) valueIndex.set(id, (i = table.values.push([group, value]) - 1))
        return i
      })
      .sort((x, y) => x - y)
    const id = combo.join(',')
    let c = comboIndex.get(id)
    if (c === undefined) comboIndex.set(id, (c = table.combos.push(combo) - 1))
    comboOf.set(key, c)
  }
  return { table, comboOf }
}
