// `npm run receive -- <folder> <webroot> --key <public key file> [--watch]`: on a public machine behind a
// one-way ferry, applies the release bundles the CMS's `folder` target wrote (publisher/targets/bundle.ts):
// each is unpacked, its manifest's signature and every file's SHA-256 checked, the release built beside
// the live one (publisher/targets/webroot.ts) and `current` switched by one rename. A bundle that fails the
// checks is moved to <webroot>/rejected/ and changes nothing; one that needs an earlier bundle waits for
// it. Nothing is ever sent back.
import { existsSync, watch } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { sha256, writeAtomic } from '../publisher/files.ts'
import { BUNDLE_SUFFIX, unpackBundle } from '../publisher/targets/bundle.ts'
import { emptyTrash, toTrash } from '../publisher/trash.ts'
import { hashCache } from '../publisher/targets/hashCache.ts'
import { type CheckedParts, MissingPart, readPublicKey, safeRelative, verifiedManifest } from '../publisher/targets/signing.ts'
import { liveId, partPath, prepareNext, pruneReleases, stageRelease, storedPart, switchCurrent } from '../publisher/targets/webroot.ts'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { key: { type: 'string' }, watch: { type: 'boolean', default: false }, interval: { type: 'string', default: '2' } } })
const [folder, root] = positionals
if (!folder || !root || !values.key) {
  console.error('用法：npm run receive -- <交换目录> <网站根目录> --key <发布公钥文件> [--watch]')
  process.exit(2)
}
const key = readPublicKey(values.key)
const receivedFile = path.join(root, 'received.json')
// What was hashed stays known while the receiver runs (--watch): each bundle reads only what changed
// (by size and modification time: removing old releases changes every live file's change time).
const hashes = hashCache({ changeTime: false })
const checkedParts: CheckedParts = new Map()

const log = async (entry: Record<string, unknown>) => {
  const line = JSON.stringify({ at: new Date().toISOString(), ...entry })
  console.log(line)
  await appendFile(path.join(root, 'receive.log'), `${line}\n`).catch(() => undefined)
}

/**
 * After a switch, in the background: the next release's directory is readied (webroot.ts prepareNext),
 * which the next bundle waits for (a whole new tree of links it stops instead: `readying`), then old
 * releases are removed (nothing waits for that: pruning leaves alone what a bundle staged meanwhile uses).
 * A single run waits for both before it ends.
 */
let afterSwitch: Promise<unknown> = Promise.resolve()
let pruning: Promise<unknown> = Promise.resolve()
let readying = new AbortController()
const tidyAfter = (id: string) => {
  const started = Date.now()
  readying = new AbortController()
  afterSwitch = prepareNext(root, id, key, hashes, undefined, readying.signal)
    .then(async (ready) => {
      if (ready) await log({ event: 'readied', release: id, ms: Date.now() - started })
    })
    .catch((error: unknown) => log({ event: 'error', error: `预备下一版本的目录失败：${String(error)}` }))
  pruning = Promise.all([afterSwitch, pruning]).then(() => pruneReleases(root).catch((error: unknown) => log({ event: 'error', error: `清理旧版本失败：${String(error)}` })))
}

/** A fault of the bundle itself (refuse it for good), as opposed to one an earlier bundle will cure. */
class Refused extends Error {}

const applyBundle = async (file: string) => {
  let unpacked
  const t = performance.now()
  try {
    unpacked = await unpackBundle(file, root)
  } catch (error) {
    throw new Refused((error as Error).message)
  }
  const unpackMs = Math.round(performance.now() - t)
  try {
    let manifest
    // The manifest's parts: those the bundle brings (kept once the release is staged, whether or not this
    // process has checked them before), else the ones kept before.
    const brought = new Map<string, Buffer>()
    for (const name of await readdir(path.join(unpacked.dir, 'parts')).catch(() => [] as string[])) brought.set(name.replace(/\.json$/, ''), await readFile(path.join(unpacked.dir, 'parts', name)))
    const parts = new Map([...brought].filter(([sha, bytes]) => sha256(bytes) === sha))
    const partOf = async (sha: string) => brought.get(sha) ?? storedPart(root)(sha)
    try {
      manifest = await verifiedManifest(unpacked.bytes, unpacked.signature, key, partOf, checkedParts)
      // A part checked before that is neither brought nor kept here any more would leave the kept manifest
      // incomplete: then every part is asked for (and a missing one waits for the bundle that brings it).
      const named = (JSON.parse(unpacked.bytes.toString('utf8')) as { parts: string[] }).parts
      if (named.some((sha) => !parts.has(sha) && !existsSync(partPath(root, sha)))) manifest = await verifiedManifest(unpacked.bytes, unpacked.signature, key, partOf)
    } catch (error) {
      throw error instanceof MissingPart ? error : new Refused((error as Error).message)
    }
    const verifyMs = Math.round(performance.now() - t) - unpackMs
    const dir = unpacked.dir
    const source = async (rel: string) => (safeRelative(rel) ? readFile(path.join(dir, 'files', rel)).catch(() => null) : null)
    let staged
    try {
      staged = await stageRelease(root, manifest, { bytes: unpacked.bytes, signature: unpacked.signature, parts }, source, key, hashes)
    } catch (error) {
      const message = (error as Error).message
      throw message.startsWith('缺少文件') ? new Error(message) : new Refused(message)
    }
    await switchCurrent(root, manifest.id)
    return { id: manifest.id, prepared: staged.prepared, timings: { unpackMs, verifyMs, ...staged.timings } }
  } finally {
    // Removed by a low-priority process: a whole site's bundle took the receiver seconds to delete.
    await toTrash(unpacked.dir, path.join(root, 'trash'))
    emptyTrash(path.join(root, 'trash'))
  }
}

/** Applies every bundle not applied yet, oldest first; returns how many went live. */
const receiveOnce = async () => {
  await mkdir(root, { recursive: true })
  const received = new Set<string>(JSON.parse(await readFile(receivedFile, 'utf8').catch(() => '[]')) as string[])
  /** A bundle never to look at again (applied, or refused where it could not be moved away). */
  const remember = async (name: string) => {
    received.add(name)
    await writeAtomic(receivedFile, JSON.stringify([...received].sort().slice(-1000)))
  }
  const bundles = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith(BUNDLE_SUFFIX) && !n.startsWith('.') && !received.has(n)).sort()
  let applied = 0
  for (const name of bundles) {
    const file = path.join(folder, name)
    readying.abort()
    await afterSwitch
    try {
      const started = Date.now()
      const { id, prepared, timings } = await applyBundle(file)
      await remember(name)
      await log({ event: 'live', release: id, bundle: name, ms: Date.now() - started, prepared, timings })
      applied++
      tidyAfter(id)
    } catch (error) {
      const refused = error instanceof Refused
      await log({ event: refused ? 'rejected' : 'waiting', bundle: name, error: (error as Error).message })
      if (refused) {
        await mkdir(path.join(root, 'rejected'), { recursive: true })
        await rename(file, path.join(root, 'rejected', name)).catch(() => remember(name))
        continue
      }
      break
    }
  }
  if (applied) {
    // An applied bundle is not needed again (its files are in the web root): the newest few stay as a record.
    const done = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith(BUNDLE_SUFFIX) && received.has(n)).sort()
    for (const name of done.slice(0, -5)) await rm(path.join(folder, name), { force: true }).catch(() => undefined)
  }
  return applied
}

if (!values.watch) {
  await receiveOnce()
  await afterSwitch
  await pruning
  console.log(`当前版本：${(await liveId(root)) ?? '（无）'}`)
} else {
  // File events wake it at once; the poll catches what a ferry's mounted folder does not signal.
  let running: Promise<unknown> = Promise.resolve()
  const kick = () => (running = running.then(receiveOnce).catch((error: unknown) => log({ event: 'error', error: String(error) })))
  try {
    watch(folder, () => kick())
  } catch {
    // A folder that cannot be watched is polled.
  }
  setInterval(kick, Number(values.interval) * 1000)
  kick()
  console.log(`正在接收 ${folder} → ${root}（Ctrl+C 停止）`)
}
