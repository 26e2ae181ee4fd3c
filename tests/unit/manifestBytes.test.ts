import { describe, expect, it } from 'vitest'

import { manifestBytes } from '../../publisher/manifest-bytes.ts'
import type { SearchState } from '../../publisher/search-index.ts'

const search = (pages: Record<string, string>): SearchState => ({
  base: [
    {
      dir: 'p2024-abc',
      pages: Object.fromEntries(Object.entries(pages).map(([url, hash]) => [url, { hash, date: '2024-01-01', fragment: `f-${hash}` }])),
    } as never,
  ],
  delta: null,
  removed: [],
  synonymsHash: 'x',
})

const release = (id: string, files: Record<string, string>, routes: Record<string, string>, state = search({ '/a/': '1' })) => ({
  id,
  builtAt: '2026-12-05',
  files,
  routes,
  search: state,
  pages: 2,
})

const parse = (pieces: Buffer[]) => JSON.parse(Buffer.concat(pieces).toString()) as unknown

describe('manifestBytes', () => {
  it('parses to the manifest, first written whole and then from the pieces kept', () => {
    const one = release('r1', { 'news/a/index.html': 'h1', 'news/b/index.html': 'h2', 'index.html': 'h3' }, { '/news/a/': 'r1', '/': 'r2' })
    expect(parse(manifestBytes(one, null))).toEqual(one)
    // A page changed, one added in a new folder, one removed; a route changed and one gone.
    const two = release('r2', { 'news/a/index.html': 'h9', 'index.html': 'h3', 'news/c/index.html': 'h4' }, { '/news/a/': 'r9' }, one.search)
    const changes = { since: 'r1', files: ['news/a/index.html', 'news/c/index.html', 'news/b/index.html'], routes: ['/news/a/', '/'] }
    expect(parse(manifestBytes(two, changes))).toEqual(two)
  })

  it('serialises everything again when its pieces are of another manifest (after a rollback)', () => {
    const one = release('s1', { 'a/x.html': '1', 'b/y.html': '2' }, { '/a/': '1' })
    manifestBytes(one, null)
    manifestBytes(release('s2', { 'a/x.html': '5', 'b/y.html': '2' }, { '/a/': '1' }), { since: 's1', files: ['a/x.html'], routes: [] })
    // Published again from s1 (rolled back to): pieces kept are of s2, so nothing of them is reused.
    const three = release('s3', { 'a/x.html': '1', 'b/y.html': '7' }, { '/a/': '1' })
    expect(parse(manifestBytes(three, { since: 's1', files: ['b/y.html'], routes: [] }))).toEqual(three)
  })

  it('fails on the stale pieces a wrong change list would leave (the test can see it)', () => {
    const one = release('t1', { 'a/x.html': '1' }, {})
    manifestBytes(one, null)
    const two = release('t2', { 'a/x.html': '2' }, {})
    expect(parse(manifestBytes(two, { since: 't1', files: [], routes: [] }))).not.toEqual(two)
  })
})
