/**
 * The search filters' count data of each partition and of the whole index (site/lib/filter-counts.ts),
 * taken from the filter values the indexed pages declare (data-pagefind-filter).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type IndexFilterCounts, PARTITION_FILTERS_FILE, type PartitionFilters, tableOf } from '../site/lib/filter-counts.ts'
import { decodeEntities } from '../site/lib/html.ts'

const FILTER = /<\w+\b[^>]*\sdata-pagefind-filter="([^"]+)"[^>]*>([^<]*)</g

/** The [group, value] pairs a page's indexed input declares, as Pagefind reads them (text, trimmed). */
export const filtersOf = (input: string): [string, string][] =>
  [...input.matchAll(FILTER)].map(([, group, value]) => [group!, decodeEntities(value!).trim()] as [string, string])

/** A partition's `filters.json`: its pages' combinations by fragment id. */
export const partitionFilters = (fragments: Map<string, string>, inputs: Map<string, string>): PartitionFilters => {
  const { table, comboOf } = tableOf([...fragments].map(([url, fragment]) => [fragment, filtersOf(inputs.get(url) ?? '')]))
  return { ...table, pages: Object.fromEntries(comboOf) }
}

/** Each combination of a partition (by its values, as a key) with its pages; worked out once per table. */
const combosCounted = new WeakMap<PartitionFilters, { keys: string[]; pairs: [string, string][][]; n: number[] }>()
const countedCombos = (p: PartitionFilters) => {
  let known = combosCounted.get(p)
  if (!known) {
    const pairs = p.combos.map((combo) => combo.map((i) => p.values[i]!))
    const n = p.combos.map(() => 0)
    for (const combo of Object.values(p.pages)) n[combo]!++
    combosCounted.set(p, (known = { keys: pairs.map((x) => JSON.stringify(x)), pairs, n }))
  }
  return known
}

/**
 * `filter-counts.json`: every combination's pages over the partitions, the removed fragments left out.
 * Each partition's counts are worked out once (a publish at 100,000 documents would otherwise walk every
 * page's entry); only the few removed fragments are looked up.
 */
export const indexFilterCounts = (partitions: PartitionFilters[], removed: Set<string>): IndexFilterCounts => {
  const counted = new Map<string, { pairs: [string, string][]; n: number }>()
  const add = (key: string, pairs: [string, string][], n: number) => {
    const known = counted.get(key)
    if (known) known.n += n
    else counted.set(key, { pairs, n })
  }
  for (const p of partitions) {
    const { keys, pairs, n } = countedCombos(p)
    keys.forEach((key, c) => add(key, pairs[c]!, n[c]!))
    for (const fragment of removed) {
      const combo = p.pages[fragment]
      if (combo !== undefined) add(keys[combo]!, pairs[combo]!, -1)
    }
  }
  const kept = [...counted].filter(([, c]) => c.n > 0)
  const { table, comboOf } = tableOf(kept.map(([key, c]) => [key, c.pairs]))
  const n = table.combos.map(() => 0)
  for (const [key, c] of kept) n[comboOf.get(key)!] = c.n
  return { ...table, n }
}

/** Partitions' filter files read once per folder (a folder's name is its content's key). */
const known = new Map<string, PartitionFilters>()
export const readPartitionFilters = async (pagefindDir: string, dir: string): Promise<PartitionFilters | null> => {
  const cached = known.get(dir)
  if (cached) return cached
  try {
    const data = JSON.parse(await readFile(path.join(pagefindDir, dir, PARTITION_FILTERS_FILE), 'utf8')) as PartitionFilters
    if (known.size > 200) known.clear()
    known.set(dir, data)
    return data
  } catch {
    return null
  }
}
