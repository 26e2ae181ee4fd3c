import { describe, expect, it } from 'vitest'

import { MAX_PARTITION_SIZE, PARTITION_SIZE, partitionOf, partitionRanges, RECENT_SIZE } from '../../publisher/search-index.ts'

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
    const dates = [...days(2026, 600), ...days(2025, 600), ...days(2024, 150), ...days(2023, 450)]
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

  it('cuts a year larger than a partition may be between days, each part bounded', () => {
    // A city's archive: 12,000 pages a year, several on each day.
    const dates = [2026, 2025, 2024].flatMap((year) => days(year, 12_000))
    const ranges = partitionRanges(dates)
    const sizes = ranges.map((_, i) => dates.filter((d) => partitionOf(d, ranges) === i).length)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_PARTITION_SIZE + 40)
    expect(sizes.slice(1).filter((n) => n < PARTITION_SIZE).length).toBeLessThanOrEqual(3)
    expect(sizes.reduce((a, b) => a + b)).toBe(dates.length)
    // A day is never split, and the order holds across the cuts.
    const sorted = [...dates].sort().reverse()
    const order = sorted.map((d) => partitionOf(d, ranges))
    for (let i = 1; i < order.length; i++) {
      expect(order[i]).toBeGreaterThanOrEqual(order[i - 1]!)
      if (sorted[i] === sorted[i - 1]) expect(order[i]).toBe(order[i - 1])
    }
    expect(ranges.filter((r) => r.from === 2025).length).toBeGreaterThanOrEqual(6)
  })

  it('files undated pages with the newest', () => {
    const ranges = partitionRanges([...days(2026, 800), ...days(2020, 800)])
    expect(partitionOf(null, ranges)).toBe(0)
  })
})
