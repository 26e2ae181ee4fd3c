/**
 * True counts for the search filters: how many results each value gives for the current query with the
 * other groups' choices applied (values of one group widen each other, groups narrow), over every
 * partition of the index, not only the ones consulted for the results on screen. Worked out from sets
 * of page ids: each value's pages (one filter-only search per value and partition, once per page load)
 * and the query's pages (every spelling in every partition). Stale copies of changed pages (`removed`)
 * are left out, so a page is never counted twice.
 */
import type { RawResult } from './search-hits.ts'

export interface CountingIndex {
  search: (q: string | null, o: { filters?: Record<string, { any: string[] }> }) => Promise<{ results: RawResult[] } | null>
}

/** Group name → value → count. */
export type Counts = Map<string, Map<string, number>>

/** Pages that hold every one of `sets`' values somewhere (one set per group, `null`: any page). */
export const countMatches = (candidates: Set<string>, query: Set<string> | null, narrowing: Set<string>[]): number => {
  let n = 0
  for (const id of candidates) if ((!query || query.has(id)) && narrowing.every((s) => s.has(id))) n++
  return n
}

export const filterCounter = (indexes: () => Promise<CountingIndex[]>, groups: Map<string, string[]>, removed: Set<string>) => {
  const idsOf = async (ask: (index: CountingIndex) => Promise<{ results: RawResult[] } | null>) => {
    const ids = new Set<string>()
    for (const index of await indexes()) for (const r of (await ask(index))?.results ?? []) if (!removed.has(r.id)) ids.add(r.id)
    return ids
  }
  let valuePages: Promise<Map<string, Map<string, Set<string>>>> | undefined
  const pagesOfValues = () =>
    (valuePages ??= (async () => {
      const all = new Map<string, Map<string, Set<string>>>()
      for (const [group, values] of groups) {
        const ofGroup = new Map<string, Set<string>>()
        for (const value of values) ofGroup.set(value, await idsOf((index) => index.search(null, { filters: { [group]: { any: [value] } } })))
        all.set(group, ofGroup)
      }
      return all
    })())

  /** `terms`: the query's Pagefind terms (each spelling); null: no query, every page counts. */
  return async (terms: string[] | null, chosen: Record<string, string[]>): Promise<Counts> => {
    const pages = await pagesOfValues()
    const query = terms ? await idsOf(async (index) => ({ results: (await Promise.all(terms.map((t) => index.search(t, {})))).flatMap((r) => r?.results ?? []) })) : null
    /** The pages of a group's chosen values (their union), or null when none is chosen. */
    const chosenPages = (group: string) => {
      const values = chosen[group] ?? []
      if (values.length === 0) return null
      return new Set(values.flatMap((v) => [...(pages.get(group)?.get(v) ?? [])]))
    }
    const counts: Counts = new Map()
    for (const [group, values] of pages) {
      const narrowing = [...pages.keys()].filter((g) => g !== group).map(chosenPages).filter((s): s is Set<string> => s !== null)
      counts.set(group, new Map([...values].map(([value, ids]) => [value, countMatches(ids, query, narrowing)])))
    }
    return counts
  }
}
