/**
 * What decides whether a page is rendered again: a hash of its page file and props, made from kept parts.
 */
import { createHash } from 'node:crypto'

import { isLasting, sameItems } from '../site/lib/memo.ts'
import type { Route } from '../site/lib/routes.ts'

/**
 * A key of a props value made from its parts: a small object's key is its serialisation (cheap to make
 * again); a large one's, or one that lasts from one publish to the next (a document's cards, marked in
 * site/lib/memo.ts), is the hash of that, kept per object. A document's entry, its cards
 * (site/lib/memo.ts) and 站点设置 are the same objects from one release to the next, so an unchanged
 * document's text is not serialised and hashed again at every publish, and a list page's key is made
 * from its items' kept keys (at 100,000 documents, serialising every list page and every page's related
 * documents at every publish cost seconds, and hashing each small part on its own cost more).
 */
const KEPT_FROM = 256
const keyOf = new WeakMap<object, string>()
const valueKey = (value: unknown): string => {
  if (!value || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  const known = keyOf.get(value)
  if (known !== undefined) return known
  let key = ''
  if (Array.isArray(value)) for (const item of value) key += `${valueKey(item)},`
  else for (const name in value) key += `${JSON.stringify(name)}:${valueKey((value as Record<string, unknown>)[name])},`
  key = Array.isArray(value) ? `[${key}]` : `{${key}}`
  if (key.length < KEPT_FROM && !isLasting(value)) return key
  const hash = `#${createHash('sha1').update(key).digest('base64')}`
  keyOf.set(value, hash)
  return hash
}

/** A hash of what a URL's page is made from (its page file and props): the page is re-rendered when it changes. */
export const routeHash = (route: Route) => {
  let key = route.page
  for (const [name, value] of Object.entries(route.props as object)) key += `\0${name}\0${valueKey(value)}`
  return createHash('sha1').update(key).digest('hex')
}

interface LastHash {
  route: Route
  page: string
  names: string[]
  values: unknown[]
  hash: string
}
/** Each URL's last hash with what it was made from, for `routeHashes`. */
let lastOfUrl = new Map<string, LastHash>()

const sameAs = (last: LastHash, page: string, names: string[], values: unknown[]) =>
  last.page === page && sameItems(last.names, names) && sameItems(last.values, values)

/**
 * Every route's hash (`routeHash`), where a URL whose page file and props values are the very values of
 * the last call (the same document entry, the same kept links, the same 站点设置) keeps its last hash
 * without being keyed again: at 100,000 documents nine pages in ten are such detail pages, and keying them
 * was most of a second of each publish. Values are never changed in place (the snapshot's entries and
 * what is derived from them are replaced, not edited), so the same object is the same value.
 */
export const routeHashes = (routes: Map<string, Route>): Map<string, string> => {
  const next = new Map<string, LastHash>()
  const hashes = new Map<string, string>()
  for (const [url, route] of routes) {
    const last = lastOfUrl.get(url)
    // The route table hands on an unchanged route as the same object (site/lib/routes.ts).
    if (last?.route === route) {
      next.set(url, last)
      hashes.set(url, last.hash)
      continue
    }
    const props = route.props as Record<string, unknown>
    const names = Object.keys(props)
    const values = names.map((n) => props[n])
    const hash = last && sameAs(last, route.page, names, values) ? last.hash : routeHash(route)
    next.set(url, { route, page: route.page, names, values, hash })
    hashes.set(url, hash)
  }
  lastOfUrl = next
  return hashes
}
