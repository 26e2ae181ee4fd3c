import { describe, expect, it } from 'vitest'

import { PARTITION_SIZE, partitionOf, partitionRanges, RECENT_SIZE } from '../../publisher/search-index.ts'

/** `n` days of `year`, one page each, newest first. */
const days = (year: number, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(year, 11, 31) - Math.floor((i * 360) / n) * 86_400_000).toISOString().slice(0, 10))

describe('search partitions', () => {
  it('puts a small site in one partition', () => {
    const dates = [...days(2026, 40), null]
    const ranges = partitionRanges(dates)
    expect(ranges).toHaveLength(1)
    for (const d of dates) expect(partitionOf(d, ranges)).toBe(0)
  })

  it('holds the newest pages in the first partition, which may start inside a year', () => {
    const dates = [...days(2026, 1200), ...days(2025, 1200), ...days(2024, 300), ...days(2023, 900)]
    const ranges = partitionRanges(dates)
    const sizes = ranges.map((_, i) => dates.filter((d) => partitionOf(d, ranges) === i).length)
    expect(sizes[0]).toBeGreaterThanOrEqual(RECENT_SIZE)
    expect(sizes[0]).toBeLessThan(RECENT_SIZE + 10)
    expect(ranges[0]).toMatchObject({ from: 2026, to: 2026 })
    // The rest of 2026 on its own, then whole years, each of at least PARTITION_SIZE pages but the oldest.
    expect(ranges.slice(1).map((r) => [r.to, r.from])).toEqual([[2026, 2026], [2025, 2025], [2024, 2023]])
    for (const size of sizes.slice(2, -1)) expect(size).toBeGreaterThanOrEqual(PARTITION_SIZE)
    expect(sizes.reduce((a, b) => a + b)).toBe(dates.length)
  })

  it('keeps partitions in date order without overlap, so date sorting across them holds', () => {
    const dates = [...days(2026, 500), ...days(2025, 2000), ...days(2019, 50)]
    const ranges = partitionRanges(dates)
    const sorted = [...dates].sort().reverse()
    const order = sorted.map((d) => partitionOf(d, ranges))
    for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThanOrEqual(order[i - 1]!)
  })

  it('files undated pages with the newest', () => {
    const ranges = partitionRanges([...days(2026, 800), ...days(2020, 800)])
    expect(partitionOf(null, ranges)).toBe(0)
  })
})
