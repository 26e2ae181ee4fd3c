/**
 * The `s3` target: any S3-compatible bucket (Aliyun OSS, Tencent COS, Huawei OBS, MinIO …) behind a CDN.
 * Object storage has no rename, so a release goes up in an order that never shows a reader half of it:
 * new assets, images and search data first, then pages, then the files that lead to the rest (the search
 * entry files and the home page). Each object carries its Content-Type and Content-Encoding (identity:
 * the bucket cannot choose an encoding per reader, the CDN compresses), its SHA-256 in metadata (ETags are
 * not hashes for multipart uploads) and a Content-MD5 the server checks on arrival, so a byte changed in
 * transit is refused. A page a release dropped (a takedown) is deleted first, before any upload; other
 * dropped files only after a grace period (readers on an old page still load its assets and search data). The signed manifest is kept at `<prefix>.wenming/` (its root, and
 * the parts of its file list the bucket was not given before). Tampering is found by listing the bucket
 * and put right from the local release.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

import { dataDir } from '../../cms/lib/paths.ts'
import { pool, writeAtomic } from '../files.ts'
import type { Shipment, TamperEntry, TargetDriver } from './driver.ts'

export interface S3Config {
  name: string
  endpoint: string
  region: string
  bucket: string
  prefix: string
  forcePathStyle: boolean
  accessKeyEnv: string
  secretKeyEnv: string
  /** Run after each switch with the changed URLs on stdin, one a line (a CDN purge); optional. */
  purgeCommand?: string | null
  /** The local release directories, to read files from when tampering is put right. */
  releasesDir: string
}

/** How long a dropped file stays in the bucket (`WENMING_S3_DELETE_GRACE_MS`, default 15 minutes). */
const deleteGraceMs = () => Number(process.env.WENMING_S3_DELETE_GRACE_MS ?? 15 * 60_000)
const MANIFEST_KEY = '.wenming/manifest.json'
/** MD5 (what an object's ETag is) by SHA-256 of the content: the tamper check reads a content once. */
const md5s = new Map<string, string>()

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8', xml: 'application/xml; charset=utf-8', txt: 'text/plain; charset=utf-8', svg: 'image/svg+xml',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif', ico: 'image/x-icon',
  woff2: 'font/woff2', woff: 'font/woff', pdf: 'application/pdf', pagefind: 'application/wasm',
}
/** The Content-Type a file is served with, from its extension. */
export const contentType = (rel: string) => TYPES[path.extname(rel).slice(1).toLowerCase()] ?? 'application/octet-stream'

/** Precompressed copies stay local: a bucket serves one encoding to everyone. */
const isCopy = (rel: string) => /\.(br|gz)$/.test(rel)
const isEntry = (rel: string) => rel === 'index.html' || rel === 'pagefind/partitions.json' || /(^|\/)pagefind-entry\.json$/.test(rel)
const isPage = (rel: string) => /\.(html|xml)$/.test(rel) && !isEntry(rel)
/** The upload order: assets and search data, then pages, then entry files. */
export const uploadGroups = (files: string[]) => {
  const wanted = files.filter((f) => !isCopy(f))
  return [wanted.filter((f) => !isPage(f) && !isEntry(f)), wanted.filter(isPage), wanted.filter(isEntry)]
}

/** Where a part of the signed manifest is kept in the bucket (under the target's prefix). */
const partKey = (sha: string) => `.wenming/parts/${sha}.json`

/** Dropped files waiting for their grace period, path → when dropped (kept beside the target's state). */
export const pendingDeletesFile = (name: string) => path.join(dataDir, 'targets', `${name.replace(/[^\w.-]/g, '_')}.s3.json`)

export const s3Target = (config: S3Config): TargetDriver => {
  const accessKeyId = process.env[config.accessKeyEnv]
  const secretAccessKey = process.env[config.secretKeyEnv]
  if (!accessKeyId || !secretAccessKey) throw new Error(`对象存储的访问密钥未配置：请在内容管理系统的运行环境中设置环境变量 ${config.accessKeyEnv} 和 ${config.secretKeyEnv}。`)
  const client = new S3Client({ endpoint: config.endpoint, region: config.region || 'us-east-1', forcePathStyle: config.forcePathStyle, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 3 })
  const prefix = config.prefix.replace(/^\/+/, '')
  const stateFile = pendingDeletesFile(config.name)

  const put = async (siteDir: string, rel: string, sha: string, signal: AbortSignal) => {
    const body = await readFile(path.join(siteDir, rel))
    await client.send(
      new PutObjectCommand({
        Bucket: config.bucket,
        Key: prefix + rel,
        Body: body,
        ContentType: contentType(rel),
        ContentEncoding: 'identity',
        ContentMD5: createHash('md5').update(body).digest('base64'),
        CacheControl: rel.startsWith('_astro/') || /\.pf_(meta|index|fragment|filter)$/.test(rel) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
        Metadata: { sha256: sha },
      }),
      { abortSignal: signal },
    )
    return body.length
  }
  const upload = async (shipment: Shipment, files: string[], signal: AbortSignal) => {
    let bytes = 0
    await pool(files, 8, async (rel) => {
      const sent = await put(shipment.siteDir, rel, shipment.manifest.files[rel]!, signal)
      bytes += sent
    })
    return bytes
  }
  const pendingDeletes = async (): Promise<Record<string, number>> => JSON.parse(await readFile(stateFile, 'utf8').catch(() => '{}')) as Record<string, number>
  const deleteKeys = async (keys: string[], signal: AbortSignal) => {
    for (let i = 0; i < keys.length; i += 1000) {
      await client.send(new DeleteObjectsCommand({ Bucket: config.bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }), { abortSignal: signal })
    }
  }
  /** Deletes the dropped files whose grace period is over; keeps the rest for later. */
  const sweep = async (live: Record<string, string>, signal: AbortSignal) => {
    const pending = await pendingDeletes()
    const due = Object.entries(pending).filter(([rel, at]) => !(rel in live) && Date.now() - at >= deleteGraceMs()).map(([rel]) => rel)
    if (due.length) await deleteKeys(due.map((rel) => prefix + rel), signal)
    const left = Object.fromEntries(Object.entries(pending).filter(([rel]) => !due.includes(rel) && !(rel in live)))
    await writeAtomic(stateFile, JSON.stringify(left))
  }
  const purge = (urls: string[]) =>
    new Promise<void>((resolve, reject) => {
      if (!config.purgeCommand || !urls.length) return resolve()
      const child = spawn('sh', ['-c', config.purgeCommand], { stdio: ['pipe', 'ignore', 'pipe'] })
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`CDN 刷新命令失败（退出码 ${String(code)}）：${err.slice(-300)}`))))
      child.stdin.end(urls.join('\n'))
    })

  return {
    async push(shipment, signal) {
      // Takedowns first: a page that must go is gone before anything else is uploaded.
      const pagesGone = shipment.removed.filter((r) => !isCopy(r) && (isPage(r) || isEntry(r)))
      if (pagesGone.length) await deleteKeys(pagesGone.map((rel) => prefix + rel), signal)
      const [assets, pages, entries] = uploadGroups(shipment.delta) as [string[], string[], string[]]
      // Assets and search data, then pages: nothing leads to them yet except pages that already did. The
      // search entry files and the home page last: with them the release is what readers get.
      let bytes = await upload(shipment, assets, signal)
      bytes += await upload(shipment, pages, signal)
      bytes += await upload(shipment, entries, signal)
      let manifestBytes = shipment.signed.bytes.length
      for (const sha of shipment.newParts) {
        const part = shipment.signed.parts.get(sha)!
        await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: prefix + partKey(sha), Body: part, ContentType: 'application/json' }), { abortSignal: signal })
        manifestBytes += part.length
      }
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: prefix + MANIFEST_KEY, Body: shipment.signed.bytes, ContentType: 'application/json', Metadata: { signature: shipment.signed.signature } }), { abortSignal: signal })
      // Pages taken down went first (above); what old pages load (assets, search data) waits out the grace period.
      const pending = await pendingDeletes()
      for (const rel of shipment.removed.filter((r) => !isCopy(r) && !isPage(r) && !isEntry(r))) pending[rel] ??= Date.now()
      // So do the manifest parts no release since names (they piled up in the bucket, a few at every
      // publish); none the live manifest names is ever waiting, whatever an earlier push left.
      for (const sha of shipment.droppedParts) pending[partKey(sha)] ??= Date.now()
      for (const sha of shipment.signed.parts.keys()) delete pending[partKey(sha)]
      await writeAtomic(stateFile, JSON.stringify(pending))
      await sweep(shipment.manifest.files, signal)
      await purge([...pages, ...entries].map((rel) => `/${rel}`.replace(/index\.html$/, '')))
      return bytes + manifestBytes
    },
    async tamperSince(offset, live, signal) {
      if (!live) return { entries: [], offset }
      await sweep(live.files, signal)
      const pending = await pendingDeletes()
      const siteDir = path.join(config.releasesDir, live.id, 'site')
      // An object's ETag is its MD5 (single-part uploads); a file's MD5 follows from its SHA-256, so each
      // content is read once, not every file at every check.
      const md5Of = async (rel: string) => {
        const sha = live.files[rel]!
        const known = md5s.get(sha)
        if (known) return known
        const md5 = createHash('md5').update(await readFile(path.join(siteDir, rel))).digest('hex')
        if (md5s.size > 500_000) md5s.clear()
        md5s.set(sha, md5)
        return md5
      }
      const found = new Map<string, string>()
      for (let token: string | undefined, first = true; first || token; first = false) {
        const page = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix, ContinuationToken: token }), { abortSignal: signal })
        for (const o of page.Contents ?? []) if (o.Key) found.set(o.Key.slice(prefix.length), (o.ETag ?? '').replace(/"/g, ''))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      }
      const entries: TamperEntry[] = []
      const at = new Date().toISOString()
      const wanted = Object.keys(live.files).filter((rel) => !isCopy(rel))
      for (const rel of wanted) {
        const etag = found.get(rel)
        const kind = etag === undefined ? 'deleted' : etag !== (await md5Of(rel)) ? 'changed' : null
        if (!kind) continue
        await put(siteDir, rel, live.files[rel]!, signal)
        entries.push({ at, kind, file: rel, release: live.id })
      }
      const extra = [...found.keys()].filter((rel) => !(rel in live.files) && !(rel in pending) && !rel.startsWith('.wenming/'))
      if (extra.length) await deleteKeys(extra.map((rel) => prefix + rel), signal)
      for (const rel of extra) entries.push({ at, kind: 'added', file: rel, release: live.id })
      return { entries, offset: offset + entries.length }
    },
  }
}
