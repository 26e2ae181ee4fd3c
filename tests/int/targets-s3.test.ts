import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { dataDir } from '../../cms/lib/paths.ts'
import { publish } from '../../publisher/release.ts'
import { pendingDeletesFile, uploadGroups } from '../../publisher/targets/s3.ts'
import { deliveredManifest, deliver, driverFor, type TargetConfig } from '../../publisher/targets/sync.ts'
import { hashFile } from '../../publisher/files.ts'
import { freePort, startS3Server, stopped } from '../lib/publicServer.ts'
import { cms } from './helpers.ts'

// The `s3` target against a real S3-compatible server (s3rver, from npm) on loopback: a release goes up
// with explicit types and its SHA-256 in metadata, a change as a small delta, dropped files go after the
// grace period, tampering in the bucket is put right from the CMS, and a server that is down catches up.
process.env.SITE_DIST = path.join(dataDir, 'dist-s3-targets')
process.env.WENMING_TEST_S3_KEY = 'S3RVER'
process.env.WENMING_TEST_S3_SECRET = 'S3RVER'
const work = mkdtempSync(path.join(os.tmpdir(), 'wenming-s3-'))
let payload: Payload
let server: ChildProcess | null = null
let port = 0
let target: TargetConfig
let s3: S3Client

const startServer = async () => {
  server = await startS3Server(port, path.join(work, 'store'), 'site')
}
const stopServer = () => stopped(server)
const release = async () => {
  const result = await publish({ mode: 'fast' })
  if (!result.ok) throw new Error(result.error)
  return result.release
}
const news = async (word: string) =>
  payload.create({ collection: 'news', data: { title: `对象存储 ${word}`, slug: `s3-${word}`, date: '2024-09-10T04:00:00.000Z', category: '其他', body: await markdownToRichText(`正文 ${word}。`), _status: 'published' }, context: { skipRebuild: true }, overrideAccess: true })
const text = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: 'site', Key: `www/${key}` }))).Body!.transformToString()
const exists = async (key: string) => s3.send(new HeadObjectCommand({ Bucket: 'site', Key: `www/${key}` })).then(() => true, () => false)
const push = (id: string) => deliver(target, id, AbortSignal.timeout(120_000))

beforeAll(async () => {
  payload = await cms()
  port = await freePort('127.0.0.1')
  await startServer()
  target = { id: 'test-s3', name: '对象存储测试', kind: 's3', enabled: true, endpoint: `http://127.0.0.1:${String(port)}`, region: 'us-east-1', bucket: 'site', prefix: 'www/', forcePathStyle: true, accessKeyEnv: 'WENMING_TEST_S3_KEY', secretKeyEnv: 'WENMING_TEST_S3_SECRET' }
  s3 = new S3Client({ endpoint: target.endpoint!, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  const full = await publish({ mode: 'full', clean: true })
  if (!full.ok) throw new Error(full.error)
}, 180_000)

afterAll(async () => {
  await stopServer()
  delete process.env.SITE_DIST
  delete process.env.WENMING_S3_DELETE_GRACE_MS
  rmSync(work, { recursive: true, force: true })
})

describe('the s3 target', () => {
  it('uploads assets and search data first, pages next, the entry files and home page last', () => {
    const [assets, pages, entries] = uploadGroups(['index.html', 'index.html.br', 'news/a/index.html', '_astro/x.js', 'pagefind/partitions.json', 'pagefind/p1/pagefind-entry.json', 'pagefind/p1/fragment/a.pf_fragment', 'rss/news.xml'])
    expect(assets).toEqual(['_astro/x.js', 'pagefind/p1/fragment/a.pf_fragment'])
    expect(pages).toEqual(['news/a/index.html', 'rss/news.xml'])
    expect(entries).toEqual(['index.html', 'pagefind/partitions.json', 'pagefind/p1/pagefind-entry.json'])
  })

  it('puts a release in the bucket with types, identity encoding and each file’s SHA-256; a change goes up as a small delta', async () => {
    await news('one')
    const first = await push(await release())
    expect(first.lastError).toBeNull()
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'site', Key: 'www/news/s3-one/index.html' }))
    expect(head.ContentType).toBe('text/html; charset=utf-8')
    expect(head.ContentEncoding).toBe('identity')
    expect(head.Metadata?.sha256).toBe(await hashFile(path.join(dataDir, 'releases', first.live!, 'site', 'news/s3-one/index.html')))
    expect(await text('news/s3-one/index.html')).toContain('对象存储 one')
    expect(await exists('.wenming/manifest.json')).toBe(true)
    expect(await exists('index.html.br')).toBe(false)

    await news('two')
    const second = await push(await release())
    expect(second.lastError).toBeNull()
    expect(second.lastBytes!).toBeLessThan(first.lastBytes!)
    expect(await text('news/s3-two/index.html')).toContain('对象存储 two')
  })

  it('deletes a page taken down at once, and what old pages load only after the grace period', async () => {
    const doc = await news('gone')
    await push(await release())
    expect(await exists('news/s3-gone/index.html')).toBe(true)
    await payload.delete({ collection: 'news', id: doc.id, context: { skipRebuild: true }, overrideAccess: true })
    expect((await push(await release())).lastError).toBeNull()
    expect(await exists('news/s3-gone/index.html')).toBe(false)
    // The search data the takedown replaced is still there for readers of the old pages.
    const waiting = Object.keys(JSON.parse(readFileSync(pendingDeletesFile(String(target.id)), 'utf8')) as Record<string, number>)
    expect(waiting.length).toBeGreaterThan(0)
    expect(waiting.some((rel) => /\.html$/.test(rel))).toBe(false)
    for (const rel of waiting) expect(await exists(rel), rel).toBe(true)
    process.env.WENMING_S3_DELETE_GRACE_MS = '0'
    await news('after')
    await push(await release())
    for (const rel of waiting) expect(await exists(rel), rel).toBe(false)
    // The manifest's parts too: those no release since names are gone, every one the live manifest names is there.
    const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: 'site', Prefix: 'www/.wenming/parts/' }))
    const kept = (Contents ?? []).map((o) => o.Key!.replace(/^www\/\.wenming\/parts\/|\.json$/g, '')).sort()
    expect(kept).toEqual([...(await deliveredManifest(target.id))!.parts!].sort())
  })

  it('puts right a changed, an added and a deleted object, and reports each', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'www/news/s3-one/index.html', Body: '<h1>已被篡改</h1>', ContentType: 'text/html' }))
    await s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'www/evil.html', Body: '<script>alert(1)</script>', ContentType: 'text/html' }))
    await s3.send(new DeleteObjectCommand({ Bucket: 'site', Key: 'www/about/index.html' }))
    const { entries } = await driverFor(target).tamperSince!(0, await deliveredManifest(target.id), AbortSignal.timeout(60_000))
    expect(entries.map((e) => `${e.kind} ${e.file}`).sort()).toEqual(['added evil.html', 'changed news/s3-one/index.html', 'deleted about/index.html'])
    expect(await text('news/s3-one/index.html')).toContain('对象存储 one')
    expect(await exists('evil.html')).toBe(false)
    expect(await exists('about/index.html')).toBe(true)
  })

  it('a server that is down is reported; it catches up in one push when it is back', async () => {
    await stopServer()
    await news('three')
    const down = await push(await release())
    expect(down.lastError).toBeTruthy()
    await startServer()
    await news('four')
    const back = await push(await release())
    expect(back.lastError).toBeNull()
    for (const w of ['three', 'four']) expect(await text(`news/s3-${w}/index.html`)).toContain(`对象存储 ${w}`)
  })
})
