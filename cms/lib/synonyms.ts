/** A synonym group: every word in `words` finds pages containing any other word of the group. */
export interface SynonymGroup {
  words: string[]
}

/** Synonym rows as editors enter them (a term and its expansions separated by 、，, or ;) → groups. */
export const synonymGroups = (rows: { term?: string | null; expansions?: string | null }[] | null | undefined): SynonymGroup[] =>
  (rows ?? [])
    .map((row) => ({
      words: [row.term ?? '', ...(row.expansions ?? '').split(/[、，,;；\s]+/)]
        .map((w) => w.trim())
        .filter((w, i, all) => w.length > 0 && all.indexOf(w) === i),
    }))
    .filter((g) => g.words.length > 1)

/**
 * The words to add to a page's index entry: for each group that the text mentions, the group's words
 * the text does not already contain.
 */
export const synonymsFor = (text: string, groups: SynonymGroup[]): string[] => {
  const extra = new Set<string>()
  for (const group of groups) {
    if (!group.words.some((w) => text.includes(w))) continue
    for (const w of group.words) if (!text.includes(w)) extra.add(w)
  }
  return [...extra]
}

/** The seeded list. */
export const DEFAULT_SYNONYMS = [
  { term: '创文', expansions: '创建全国文明城区' },
  { term: '创城', expansions: '创建文明城市、创建全国文明城市' },
]
