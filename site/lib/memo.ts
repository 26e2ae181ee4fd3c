/**
 * A derived value kept per source object. The long-lived publisher hands an unchanged document's entry
 * from one release to the next as the same object, so what is derived from it (a list card, a related
 * document card) is the same object too, and the props hashes the publisher keeps per object
 * (publisher/release.ts) are not computed again for it at every publish.
 */
export const perObject = <S extends object, T>(derive: (source: S) => T): ((source: S) => T) => {
  const known = new WeakMap<S, T>()
  return (source) => {
    if (known.has(source)) return known.get(source)!
    const value = lasting(derive(source))
    known.set(source, value)
    return value
  }
}

const lastingValues = new WeakSet<object>()
/** Marks a value that stays the same object while its source does (what is derived per entry). */
export const lasting = <T>(value: T): T => {
  if (value && typeof value === 'object') lastingValues.add(value)
  return value
}
/** Whether two lists hold the very same values in the same order (kept values are compared by identity). */
export const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** Whether a value was marked as lasting: worth keeping what is worked out from it. */
export const isLasting = (value: object): boolean => lastingValues.has(value)
