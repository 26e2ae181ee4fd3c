/**
 * The search page's results in order. A query runs in several spellings (site/lib/abbreviations.ts) in
 * each partition consulted (publisher/search-index.ts), and the delta partition holds the newest edits;
 * the lists they return are merged here, each page once, in its best showing.
 * - By relevance: the query as a phrase first (site/lib/phrase.ts), then by Pagefind's score (which
 *   includes its title boost) relative to the best of the same list, the delta first on equal footing.
 * - By date: each list comes in date order; they are merged as far as a page of results needs, reading
 *   the date of the first remaining hit of each list (from its fragment, which is fetched when shown anyway).
 */
export interface PagefindResultData {
  url: string
  excerpt: string
  meta: Record<string, string | undefined>
  filters: Record<string, string[]>
}
export interface RawResult {
  id: string
  score: number
  /** Positions of the page's words that matched, ascending. */
  words: number[]
  data: () => Promise<PagefindResultData>
}

export interface Hit {
  raw: RawResult
  /** Phrase rank (PHRASE, MOST_OF_PHRASE, WORDS_ONLY). */
  rank: number
  /**
   * Score relative to the best hit of its own list: Pagefind's scores come from each index's own
   * statistics and from each spelling's own words, and do not compare across them.
   */
  norm: number
  delta?: boolean
  /** Known for delta hits; for the others read from the result's data when needed (date order). */
  date?: string | null
  data?: Promise<PagefindResultData>
}

export const dataOf = (hit: Hit) => (hit.data ??= hit.raw.data())
const dateOf = async (hit: Hit) => (hit.date !== undefined ? hit.date : (hit.date = (await dataOf(hit)).meta.date ?? null))

/** Relevance order: phrase rank, then relative score, then the delta's newer version first. */
export const byRelevance = (x: Hit, y: Hit) => y.rank - x.rank || y.norm - x.norm || Number(Boolean(y.delta)) - Number(Boolean(x.delta))

/** One hit per page across several lists of the same partition (its spellings): the best one. */
export const bestPerPage = (lists: Hit[][]): Hit[] => {
  const best = new Map<string, Hit>()
  for (const hit of lists.flat()) {
    const seen = best.get(hit.raw.id)
    if (!seen || byRelevance(hit, seen) < 0) best.set(hit.raw.id, hit)
  }
  return [...best.values()]
}

/** The results in order, growing as partitions are consulted and (by date) as pages of them are shown. */
export class ResultOrder {
  /** Results in their final order so far; by date, only as far as shown or asked for. */
  readonly ordered: Hit[] = []
  private readonly pages = new Set<string>()
  /** By date: lists not yet merged into `ordered`, each in date order. By relevance: the unordered rest. */
  private lists: Hit[][] = []

  private readonly sort: 'asc' | 'desc' | null

  constructor(sort: 'asc' | 'desc' | null) {
    this.sort = sort
  }

  /** Every page found so far, once. */
  get total() {
    return this.pages.size
  }

  /** Adds a list of hits; by date, it must be in date order. `shown`: results already on screen stay put. */
  add(hits: Hit[], shown: number) {
    const onScreen = new Set(this.ordered.slice(0, shown).map((h) => h.raw.id))
    const fresh = hits.filter((h) => !onScreen.has(h.raw.id))
    for (const h of fresh) this.pages.add(h.raw.id)
    if (this.sort) {
      this.lists.push(fresh)
      return
    }
    const rest = bestPerPage([this.ordered.slice(shown), fresh])
    this.ordered.splice(shown, Infinity, ...rest.sort(byRelevance))
  }

  /** Makes sure `ordered` holds `count` results where there are so many (by date: merges that far). */
  async fill(count: number) {
    if (!this.sort) return
    const newer = this.sort === 'desc'
    const merged = new Set(this.ordered.map((h) => h.raw.id))
    while (this.ordered.length < count) {
      // A page found by several spellings is merged once: its later showings are dropped as they surface.
      for (const l of this.lists) while (l[0] && merged.has(l[0].raw.id)) l.shift()
      this.lists = this.lists.filter((l) => l.length > 0)
      if (this.lists.length === 0) return
      const heads = await Promise.all(this.lists.map(async (l) => ({ list: l, date: (await dateOf(l[0]!)) ?? '' })))
      const first = heads.reduce((a, b) => ((newer ? b.date > a.date : b.date < a.date) || (b.date === a.date && b.list[0]!.delta) ? b : a))
      const hit = first.list.shift()!
      merged.add(hit.raw.id)
      this.ordered.push(hit)
    }
  }
}
