// `npm run guard -- <webroot> --key <public key file> [--interval 30] [--deep 24]`: 网页防篡改 on a public machine. The
// live release's files are checked against its signed manifest — on every file event at once, and in a
// full pass every --interval seconds — and a changed, added or deleted file is put back as the release
// has it (from the object store, itself checked; an added file is moved to <webroot>/quarantine/ as
// evidence). Each finding is a line of <webroot>/guard.log, which the CMS reads over SSH.
import { watch } from 'node:fs'
import { appendFile, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { readPublicKey, type TargetManifest } from '../publisher/targets/signing.ts'
import { sha256 } from '../publisher/files.ts'
import { hashCache } from '../publisher/targets/hashCache.ts'
import { liveId, objectPath, readManifest, releasesOf } from '../publisher/targets/webroot.ts'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { key: { type: 'string' }, interval: { type: 'string', default: '30' }, deep: { type: 'string', default: '24' }, once: { type: 'boolean', default: false } } })
const [root] = positionals
if (!root || !values.key) {
  console.error('用法：npm run guard -- <网站根目录> --key <发布公钥文件> [--interval 秒] [--deep 小时] [--once]')
  process.exit(2)
}
const key = readPublicKey(values.key)

let live: { id: string; manifest: TargetManifest; dir: string } | null = null
// A full pass reads only files whose inode changed since they were last checked (hashCache.ts); every
// --deep hours it forgets them and reads every file again (a change made beneath the file system, on the
// disk itself, leaves the inode as it was).
let hashes = hashCache()

const log = async (entry: Record<string, unknown>) => {
  const line = JSON.stringify({ at: new Date().toISOString(), ...entry })
  console.log(line)
  await appendFile(path.join(root, 'guard.log'), `${line}\n`)
}

/** Follows `current`: loads (and verifies) the manifest of the release it points at. */
const follow = async () => {
  const id = await liveId(root)
  if (!id) return (live = null)
  if (live?.id === id) return live
  live = { id, manifest: await readManifest(root, id, key), dir: path.join(releasesOf(root), id) }
  await log({ event: 'watching', release: id, files: Object.keys(live.manifest.files).length })
  return live
}

/** The release's bytes of a file: the object store's copy, checked. */
const pristine = async (sha: string): Promise<Buffer | null> => {
  const bytes = await readFile(objectPath(root, sha)).catch(() => null)
  return bytes && sha256(bytes) === sha ? bytes : null
}

/** Checks one path of the live release; puts it back when it differs. */
const check = async (rel: string) => {
  const l = live
  if (!l || rel.startsWith('..') || path.isAbsolute(rel)) return
  const file = path.join(l.dir, rel)
  const want = l.manifest.files[rel]
  const have = await hashes.hash(file)
  if (want === undefined) {
    if (have === null) return
    const evidence = path.join(root, 'quarantine', new Date().toISOString().replace(/[:.]/g, ''), rel)
    await mkdir(path.dirname(evidence), { recursive: true })
    await rename(file, evidence).catch(() => rm(file, { force: true }))
    await log({ event: 'restored', kind: 'added', file: rel, release: l.id, evidence })
    return
  }
  if (have === want) return
  const bytes = await pristine(want)
  if (!bytes) {
    await log({ event: 'unrecoverable', kind: have === null ? 'deleted' : 'changed', file: rel, release: l.id, error: '对象库中的原文件缺失或也被改动，无法恢复' })
    return
  }
  const changed = have === null ? null : await lstat(file).catch(() => null)
  await putBack(file, bytes)
  // A file changed in place is an inode that older releases and the directory readied for the next one
  // link too: put right only here, it would be served again by the next release or a rollback.
  if (changed?.isFile() && changed.nlink > 1) {
    for (const name of await readdir(releasesOf(root))) {
      const other = path.join(releasesOf(root), name, rel)
      const stats = name === l.id ? null : await lstat(other).catch(() => null)
      if (stats?.ino === changed.ino && stats.dev === changed.dev) await putBack(other, bytes)
    }
  }
  await log({ event: 'restored', kind: have === null ? 'deleted' : 'changed', file: rel, release: l.id })
}

/** Replaces `file` with a new one holding `bytes` (readers never see half of it). */
const putBack = async (file: string, bytes: Buffer) => {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.guard-${String(process.pid)}.tmp`
  await writeFile(tmp, bytes)
  await rename(tmp, file)
}

/** Every file of the live release, and every file that should not be there. */
const fullPass = async () => {
  const l = await follow()
  if (!l) return
  const onDisk = (await readdir(l.dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => !e.isDirectory()).map((e) => path.relative(l.dir, path.join(e.parentPath, e.name)))
  for (const rel of new Set([...Object.keys(l.manifest.files), ...onDisk])) await check(rel)
}

let queue: Promise<unknown> = Promise.resolve()
const serial = (fn: () => Promise<unknown>) => (queue = queue.then(fn).catch((error: unknown) => log({ event: 'error', error: String(error) })))

await mkdir(root, { recursive: true })
await serial(fullPass)
if (values.once) process.exit(0)

// File events on the releases (the live one is told apart by path) and on `current` switching.
const pending = new Set<string>()
let timer: NodeJS.Timeout | null = null
watch(releasesOf(root), { recursive: true }, (_event, name) => {
  if (!name || !live) return
  const [release, ...rest] = name.toString().split(path.sep)
  if (release !== live.id || !rest.length) return
  const rel = rest.join('/').replace(/\.guard-\d+\.tmp$/, '')
  pending.add(rel)
  timer ??= setTimeout(() => {
    timer = null
    const paths = [...pending]
    pending.clear()
    void serial(async () => {
      for (const rel of paths) await check(rel)
    })
  }, 100)
})
watch(root, (_event, name) => {
  if (name?.toString() === 'current') void serial(fullPass)
})
setInterval(() => void serial(fullPass), Number(values.interval) * 1000)
setInterval(() => (hashes = hashCache()), Number(values.deep) * 3600_000)
console.log(`网页防篡改已启动：${root}（每 ${String(values.interval)} 秒全面检查一次）`)
