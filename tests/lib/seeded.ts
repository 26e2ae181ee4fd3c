// A seeded random generator for randomized tests (pure-rand's xoroshiro128+, exact 64-bit integer state):
// a run prints its seed, and the same seed in the environment replays the same run.
import { randomInt } from 'node:crypto'

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/** The seed to use: the one in `variable` (to replay a failed run), or a fresh one. */
export const seedFrom = (variable: string, given: string | undefined = process.env[variable]): number => {
  if (given === undefined || given === '') return randomInt(2 ** 31)
  const seed = Number(given)
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`${variable}=${given}: a seed is a non-negative integer`)
  return seed
}

/** A generator for one seed; everything it makes follows from the seed alone. */
export const seeded = (seed: number) => {
  const rng = xoroshiro128plus(seed)
  const issued = new Set<string>()
  const int = (from: number, to: number) => uniformInt(rng, from, to)
  return {
    seed,
    /** A float in [0, 1). */
    random: () => uniformFloat64(rng),
    /** An integer in [from, to], both included. */
    int,
    /** One of `items`. */
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
    /**
     * A lower-case Latin token (`prefix` + 8 base-36 letters) this generator has not issued before: tests
     * look for tokens verbatim, so two documents must never share one.
     */
    token: (prefix: string): string => {
      for (;;) {
        const token = `${prefix}${int(0, 36 ** 8 - 1).toString(36).padStart(8, '0')}`
        if (!issued.has(token)) {
          issued.add(token)
          return token
        }
      }
    },
  }
}

export type Seeded = ReturnType<typeof seeded>
