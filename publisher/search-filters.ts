/**
 * The search filters' count data of each partition and of the whole index (site/lib/filter-counts.ts),
 * taken from the filter values the indexed pages declare (data-pagefind-filter).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type IndexFilterCounts, type PartitionFilters, tableOf } from '../site/lib/filter-counts.ts'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const FILTER = /<\w+\b[^>]*\sdata-pagefind-filter="([^"]+)"[^>]*>([^<]*)</g

/** The [group, value] pairs a page's indexed input declares, as Pagefind reads them (text, trimmed). */
export const filtersOf = (input: string): [string, string][] =>
  [...input.matchAll(FILTER)].map(([, group, value]) => [group!, value!.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!).trim()] as [string, string])

/** A partition's `filters.json`: its pages' combinations by fragment id. */
export const partitionFilters = (fragments: Map<string, string>, inputs: Map<string, string>): PartitionFilters => {
  const { table, comboOf } = tableOf([...fragments].map(([url, fragment]) => [fragment, filtersOf(inputs.get(url) ?? '')]))
  return { ...table, pages: Object.fromEntries(comboOf) }
}

/** `filter-counts.json`: every combination's pages over the partitions, the removed fragments left out. */
export const indexFilterCounts = (partitions: PartitionFilters[], removed: Set<string>): IndexFilterCounts => {
  const counted = new Map<string, number>()
  const entries = function* () {
    for (const p of partitions)
      for (const [fragment, combo] of Object.entries(p.pages)) {
        if (removed.has(fragment)) continue
        const pairs = (p.combos[combo] ?? []).map((i) => p.values[i]!)
        const key = JSON.stringify(pairs)
        counted.set(key, (counted.get(key) ?? 0) + 1)
        if (counted.get(key) === 1) yield [key, pairs] as [string, [string, string][]]
      }
  }
  const { table, comboOf } = tableOf(entries())
  const n = table.combos.map(() => 0)
  for (const [key, combo] of comboOf) n[combo] = counted.get(key) ?? 0
  return { ...table, n }
}

/** Partitions' filter files read once per folder (a folder's name is its content's key). */
const known = new Map<string, PartitionFilters>()
export const readPartitionFilters = async (pagefindDir: string, dir: string, file: string): Promise<PartitionFilters | null> => {
  const cached = known.get(dir)
  if (cached) return cached
  try {
    const data = JSON.parse(await readFile(path.join(pagefindDir, dir, file), 'utf8')) as PartitionFilters
    if (known.size > 200) known.clear()
    known.set(dir, data)
    return data
  } catch {
    return null
  }
}
