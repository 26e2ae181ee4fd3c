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
    const value = derive(source)
    known.set(source, value)
    return value
  }
}
