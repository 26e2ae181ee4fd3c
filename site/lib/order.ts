/**
 * Orders for sorting the site's lists. Dates, slugs, keys and paths compare by code units: for these
 * ASCII keys that is the order `localeCompare` gave, without ICU's collation on every comparison (it was
 * most of the route table's time at 100,000 documents). Names compare in the Chinese collation readers
 * expect, with one collator for every comparison.
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const zh = new Intl.Collator('zh')
export const byChineseName = (a: string, b: string): number => zh.compare(a, b)
