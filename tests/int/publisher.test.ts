import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { dataDir } from '../../cms/lib/paths.ts'
import { sha256 } from '../../publisher/files.ts'
import { type Manifest, publish, readyForFirstPublish } from '../../publisher/release.ts'
import { liveRelease, MANIFEST, releasesDir } from '../../publisher/releases.ts'
import { cms } from './helpers.ts'

// The fast path against a full build of the same data: a series of changes published one at a time
// (re-rendering only what each affects, linking the rest), then a clean full build; every page, feed and
// sitemap must be byte-identical. Also: what each change re-rendered is what the data says it affects.
process.env.SITE_DIST = path.join(dataDir, 'dist-publisher')
afterAll(() => {
  delete process.env.SITE_DIST
})

let payload: Payload
const quiet = { context: { skipRebuild: true }, overrideAccess: true } as const
/** Every file of a release's site as it is on disk (search partitions are links into the store: left out). */
const onDisk = (dir: string) =>
  Object.fromEntries(
    readdirSync(path.join(dir, 'site'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(path.join(dir, 'site'), path.join(e.parentPath, e.name)))
      .filter((rel) => !rel.startsWith('pagefind/'))
      .map((rel) => [rel, sha256(readFileSync(path.join(dir, 'site', rel)))]),
  )
const emptyFolders = (dir: string) =>
  readdirSync(path.join(dir, 'site'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(path.join(e.parentPath, e.name)).length === 0)
    .map((e) => path.join(e.parentPath, e.name))
const withoutSearch = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([rel]) => !rel.startsWith('pagefind/')))

/**
 * Publishes as the publisher process does (each release made in the directory prepared from the last,
 * whose files are the live release's own), and checks what that must never break: the new release holds
 * exactly its manifest's files, and the release before it still holds exactly its own.
 */
let last: { dir: string; manifest: Manifest } | null = null
const release = async (mode: 'fast' | 'full', clean = false) => {
  const result = await publish({ mode, clean, publishesAgain: true })
  if (!result.ok) throw new Error(result.error)
  // The diff the publisher works out from what it recorded is the diff of the two file lists.
  const before = clean ? {} : (last?.manifest.files ?? {})
  const files = result.manifest.files
  const sorted = (d: Manifest['diff']) => ({ added: [...d.added].sort(), changed: [...d.changed].sort(), removed: [...d.removed].sort() })
  expect(sorted(result.manifest.diff)).toEqual(
    sorted({
      added: Object.keys(files).filter((rel) => !(rel in before)),
      changed: Object.keys(files).filter((rel) => rel in before && before[rel] !== files[rel]),
      removed: Object.keys(before).filter((rel) => !(rel in files)),
    }),
  )
  expect(result.manifest.pages).toBe(Object.keys(files).filter((rel) => rel.endsWith('.html')).length)
  expect(onDisk(result.dir)).toEqual(withoutSearch(result.manifest.files))
  expect(emptyFolders(result.dir)).toEqual([])
  if (last) expect(onDisk(last.dir), 'the release before is unchanged').toEqual(withoutSearch(last.manifest.files))
  last = result
  return result
}
const pages = (manifest: Manifest, dir: string) =>
  Object.fromEntries(
    Object.keys(manifest.files)
      .filter((f) => /\.(html|xml|json|txt)$/.test(f) && !f.startsWith('pagefind/'))
      .map((f) => [f, readFileSync(path.join(dir, 'site', f), 'utf8')]),
  )

beforeAll(async () => {
  payload = await cms()
  await release('full', true)
}, 180_000)

describe('fast publish', () => {
  it('re-renders exactly the pages a change affects and ends identical to a full build', async () => {
    const tag = Date.now().toString(36)
    const region = (await payload.find({ collection: 'regions', limit: 1, overrideAccess: true })).docs[0]!
    const created = await payload.create({
      collection: 'news',
      data: { title: `快速发布测试${tag}`, slug: `fast-${tag}`, date: '2024-03-02T04:00:00.000Z', category: '文明实践', region: region.id, body: await markdownToRichText('第一稿。'), _status: 'published' },
      ...quiet,
    })
    const first = await release('fast')
    // Made in the directory prepared from the live release: only what changed was written.
    expect(first.manifest.timings.staged).toBe(1)
    const changed = first.manifest.diff.added.concat(first.manifest.diff.changed).filter((f) => f.endsWith('.html') || f.endsWith('.xml'))
    expect(changed).toContain(`news/fast-${tag}/index.html`)
    expect(changed).toContain('news/index.html')
    expect(changed).toContain(`regions/${String(region.slug)}/index.html`)
    expect(changed).toContain('rss/news.xml')
    // The sitemap's part of the item's section and year, not a file of the whole archive.
    expect(changed).toContain('sitemaps/news-2024.xml')
    expect(changed.filter((f) => f.startsWith('sitemaps/'))).toEqual(['sitemaps/news-2024.xml'])
    // Pages that do not show it are linked, not rendered.
    expect(changed).not.toContain('resolutions/index.html')
    expect(changed).not.toContain('bulletins/mentougou-kuaibao/673/index.html')
    expect(first.rendered).toBeLessThan(first.reused)

    // A correction of the body only: the article's page, not the lists.
    await payload.update({ collection: 'news', id: created.id, data: { body: await markdownToRichText('更正后的正文。') }, ...quiet })
    const second = await release('fast')
    expect(second.manifest.diff.changed.filter((f) => f.endsWith('.html'))).toEqual([`news/fast-${tag}/index.html`])

    // A rename of the 镇街 re-renders every page showing its name; a takedown removes the page.
    await payload.update({ collection: 'regions', id: region.id, data: { name: `${region.name}改` }, ...quiet })
    await release('fast')
    const resolution = (await payload.find({ collection: 'resolutions', limit: 1, sort: 'id', overrideAccess: true })).docs[0]!
    await payload.update({ collection: 'resolutions', id: resolution.id, data: { _status: 'draft' }, ...quiet })
    const takedown = await release('fast')
    expect(takedown.manifest.diff.removed).toContain(`resolutions/${String(resolution.slug)}/index.html`)
    await payload.delete({ collection: 'news', id: created.id, ...quiet })
    const fast = await release('fast')
    expect(fast.manifest.diff.removed).toContain(`news/fast-${tag}/index.html`)
    // What left (the taken-down pages, the search delta replaced) was found among the files that could
    // leave, not by reading the live release's whole file list (the diff itself is checked in `release`).
    for (const r of [takedown, fast]) expect(r.manifest.timings.diffReadThrough).toBe(0)
    // By now the directory a release is made in is an old release's, brought up to date by the paths each
    // release since changed (staging.ts, mirror.ts): made from it, the next release holds exactly its files.
    expect((await release('fast')).manifest.timings.staged).toBe(1)

    const full = await release('full', true)
    expect(full.reused).toBe(0)
    const a = pages(fast.manifest, fast.dir)
    const b = pages(full.manifest, full.dir)
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort())
    for (const file of Object.keys(b)) expect(a[file], file).toBe(b[file])

    // A publisher that did not make the live release (a new process, a build from the command line) makes
    // the next release's directory when it is readied, so its first publish is as cheap as any.
    const cli = await publish({ mode: 'full', clean: true })
    if (!cli.ok) throw new Error(cli.error)
    last = cli
    await readyForFirstPublish()
    await payload.update({ collection: 'regions', id: region.id, data: { name: region.name }, ...quiet })
    expect((await release('fast')).manifest.timings.staged).toBe(1)

    // A release another process made (the command line's, with a search delta): a publisher readied on it
    // knows its file list from disk, and the next diff comes from the files that could leave (the delta
    // replaced), not from reading the list through.
    await payload.update({ collection: 'regions', id: region.id, data: { name: `${region.name}再改` }, ...quiet })
    const child = spawnSync(process.execPath, ['scripts/build-site.ts', '--fast'], { cwd: path.resolve(import.meta.dirname, '..', '..'), env: process.env, encoding: 'utf8' })
    expect(child.status, child.stderr).toBe(0)
    const liveId = (await liveRelease())!
    last = { dir: path.join(releasesDir(), liveId), manifest: JSON.parse(readFileSync(path.join(releasesDir(), liveId, MANIFEST), 'utf8')) as Manifest }
    const delta = last.manifest.search.delta?.dir
    expect(delta).toBeDefined()
    await readyForFirstPublish()
    await payload.update({ collection: 'regions', id: region.id, data: { name: region.name }, ...quiet })
    const readied = await release('fast')
    expect(readied.manifest.diff.removed.some((rel) => rel.startsWith(`pagefind/${delta!}/`))).toBe(true)
    expect(readied.manifest.timings.diffReadThrough).toBe(0)

    // Put the seed back as it was for the other test files.
    await payload.update({ collection: 'regions', id: region.id, data: { name: region.name }, ...quiet })
    await payload.update({ collection: 'resolutions', id: resolution.id, data: { _status: 'published' }, ...quiet })
  }, 300_000)
})
