/**
 * Publishing to every enabled public target. Each target has a loop of its own: whenever the local live
 * release differs from what the target was last given, it ships one delta — the files the target lacks
 * against its own last release, so a target that was down catches up in one step — stages it, verifies
 * it there and switches. A target that is down, full or slow only delays itself; its error is recorded
 * and retried. What each target was given is kept as its signed manifest (`.data/targets/<id>/`), the
 * single source of truth for the delta, the status and the guard.
 */
import { watch } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { dataDir } from '../../cms/lib/paths.ts'
import { distLink, listReleases, liveRelease, releasesDir } from '../releases.ts'
import type { TargetDriver } from './driver.ts'
import { folderTarget } from './folder.ts'
import { s3Target } from './s3.ts'
import { manifestParts, type SignedManifest, signManifest, type TargetManifest } from './signing.ts'
import { sshTarget } from './ssh.ts'
import { writeAtomic } from '../files.ts'

/** A publish target as the CMS stores it (collection `publish-targets`). */
export interface TargetConfig {
  id: number | string
  name: string
  kind: 'ssh' | 's3' | 'folder'
  enabled?: boolean | null
  host?: string | null
  port?: number | null
  user?: string | null
  path?: string | null
  keyFile?: string | null
  hostKey?: string | null
  endpoint?: string | null
  region?: string | null
  bucket?: string | null
  prefix?: string | null
  forcePathStyle?: boolean | null
  accessKeyEnv?: string | null
  secretKeyEnv?: string | null
  purgeCommand?: string | null
}

/** What the status endpoint and the dashboard show of a target. */
export interface TargetState {
  live: string | null
  lastPushAt: string | null
  lastError: string | null
  lastBytes: number | null
  /** How long the last push took on the target (staging, checks and switch), in ms. */
  lastPushMs: number | null
  tamper: number
  tamperOffset: number
}

const PUSH_TIMEOUT_MS = 5 * 60_000
const dirOf = (id: number | string) => path.join(dataDir, 'targets', String(id))
const EMPTY: TargetState = { live: null, lastPushAt: null, lastError: null, lastBytes: null, lastPushMs: null, tamper: 0, tamperOffset: 0 }

export const readState = async (id: number | string): Promise<TargetState> => ({ ...EMPTY, ...(JSON.parse(await readFile(path.join(dirOf(id), 'state.json'), 'utf8').catch(() => '{}')) as Partial<TargetState>) })
const writeState = async (id: number | string, state: TargetState) => writeAtomic(path.join(dirOf(id), 'state.json'), JSON.stringify(state))

/**
 * The driver of a target, kept while its settings stay the same: an ssh driver's connection (and an s3
 * client's) then carries every push and tamper check, where a new one each time cost a handshake of CPU
 * on both machines every few seconds. Changed settings make a new driver.
 */
const drivers = new Map<string, { settings: string; driver: TargetDriver }>()
export const driverFor = (t: TargetConfig): TargetDriver => {
  const settings = JSON.stringify(t)
  const known = drivers.get(String(t.id))
  if (known?.settings === settings) return known.driver
  const driver = newDriver(t)
  drivers.set(String(t.id), { settings, driver })
  return driver
}

/** A driver of the target's kind (the only place that asks). */
const newDriver = (t: TargetConfig): TargetDriver => {
  if (t.kind === 'folder') return folderTarget({ path: t.path ?? '' })
  if (t.kind === 'ssh') return sshTarget({ name: String(t.id), host: t.host ?? '', port: t.port, user: t.user ?? '', path: t.path ?? '', keyFile: t.keyFile ?? '', hostKey: t.hostKey ?? '' })
  if (t.kind === 's3') {
    return s3Target({
      name: String(t.id), endpoint: t.endpoint ?? '', region: t.region ?? '', bucket: t.bucket ?? '', prefix: t.prefix ?? '', forcePathStyle: Boolean(t.forcePathStyle),
      accessKeyEnv: t.accessKeyEnv ?? '', secretKeyEnv: t.secretKeyEnv ?? '', purgeCommand: t.purgeCommand, releasesDir: releasesDir(),
    })
  }
  throw new Error(`无法识别的发布目标类型：${String(t.kind)}`)
}

/**
 * The manifest of a local release (what targets receive of it) and its signature, made once per release
 * (every target's delivery of it shares the one promise).
 */
const manifests = new Map<string, Promise<{ manifest: TargetManifest; signed: SignedManifest }>>()
const targetManifest = (id: string) => {
  const known = manifests.get(id)
  if (known) return known
  const made = (async () => {
    const full = JSON.parse(await readFile(path.join(releasesDir(), id, 'release.json'), 'utf8')) as { id: string; builtAt: string; files: Record<string, string> }
    const manifest: TargetManifest = { id: full.id, builtAt: full.builtAt, files: full.files }
    return { manifest, signed: signManifest(manifest) }
  })()
  made.catch(() => manifests.delete(id))
  if (manifests.size >= 2) manifests.delete(manifests.keys().next().value!)
  manifests.set(id, made)
  return made
}

type Delivered = TargetManifest & { parts?: string[] }
/**
 * What this process last wrote as each target's delivered manifest, known by the file's size and time
 * (megabytes to read and parse again at each push, for each target).
 */
const lastDelivered = new Map<string, { size: number; mtimeMs: number; manifest: Delivered }>()
const deliveredFile = (id: number | string) => path.join(dirOf(id), 'delivered.json')

/** The manifest a target was last given, with the parts of it it was given (null: never, or lost — then everything is sent). */
export const deliveredManifest = async (id: number | string): Promise<Delivered | null> => {
  const stats = await stat(deliveredFile(id)).catch(() => null)
  if (!stats) return null
  const known = lastDelivered.get(String(id))
  if (known?.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.manifest
  try {
    return JSON.parse(await readFile(deliveredFile(id), 'utf8')) as Delivered
  } catch {
    return null
  }
}

/** Records what a target was given; the text is made once per release, whichever target is first. */
let deliveredText: { release: string; text: string; manifest: Delivered } | null = null
const recordDelivered = async (id: number | string, manifest: TargetManifest, signed: SignedManifest) => {
  if (deliveredText?.release !== manifest.id) {
    const delivered = { ...manifest, parts: [...signed.parts.keys()] }
    deliveredText = { release: manifest.id, text: JSON.stringify(delivered), manifest: delivered }
  }
  await writeAtomic(deliveredFile(id), deliveredText.text)
  const stats = await stat(deliveredFile(id))
  lastDelivered.set(String(id), { size: stats.size, mtimeMs: stats.mtimeMs, manifest: deliveredText.manifest })
}

/** Ships the local live release to one target if it does not have it (with `driver`, else its kind's); returns the new state. */
export const deliver = async (target: TargetConfig, release: string, signal: AbortSignal, driver?: TargetDriver): Promise<TargetState> => {
  const state = await readState(target.id)
  if (state.live === release && !state.lastError) return state
  const started = Date.now()
  try {
    driver ??= driverFor(target)
    const { manifest, signed } = await targetManifest(release)
    const before = await deliveredManifest(target.id)
    const had = before?.files ?? {}
    const delta = Object.keys(manifest.files).filter((rel) => had[rel] !== manifest.files[rel])
    const removed = Object.keys(had).filter((rel) => !(rel in manifest.files))
    const given = new Set(before ? (before.parts ?? [...manifestParts(before.files).keys()]) : [])
    const newParts = [...signed.parts.keys()].filter((sha) => !given.has(sha))
    const droppedParts = [...given].filter((sha) => !signed.parts.has(sha))
    const bytes = await driver.push({ manifest, signed, newParts, droppedParts, siteDir: path.join(releasesDir(), release, 'site'), delta, removed, base: before?.id ?? null }, signal)
    await recordDelivered(target.id, manifest, signed)
    const next = { ...state, live: release, lastPushAt: new Date().toISOString(), lastError: null, lastBytes: bytes, lastPushMs: Date.now() - started }
    await writeState(target.id, next)
    return next
  } catch (error) {
    const message = signal.aborted ? `推送超时（${String(PUSH_TIMEOUT_MS / 1000)} 秒），将自动重试` : (error as Error).message
    const next = { ...state, lastError: `${new Date().toISOString()} ${message}` }
    await writeState(target.id, next)
    return next
  }
}

/**
 * How many releases lie between what the target serves and the local live release (0: the same). After a
 * rollback the releases newer than the local live one count for nothing; a target still on one of them is
 * as many releases away.
 */
export const behind = async (live: string | null): Promise<number> => {
  const releases = await listReleases()
  const local = await liveRelease()
  const here = local ? Math.max(0, releases.indexOf(local)) : 0
  const index = live ? releases.indexOf(live) : -1
  return index < 0 ? releases.length - here : Math.abs(index - here)
}

type Audit = (entry: { action: 'tamper'; collection: string; docTitle: string; detail: string }) => Promise<void>

/**
 * Keeps every enabled target on the local live release: checks every `intervalMs` and whenever `wake()`
 * is called (after each release). Also reads each target's guard log (or lists its bucket) and records
 * what was restored. A delivery never waits for such a check: a check in progress when a release comes is
 * cancelled (it runs again later), and none starts while a target is being delivered to — a restore from
 * the last release must not overwrite what a newer one just put there.
 */
export const startTargetSync = (payload: Payload, audit: Audit, intervalMs = 2000) => {
  const delivering = new Set<string>()
  const checking = new Map<string, { abort: AbortController; done: Promise<void> }>()
  const deliverTo = async (target: TargetConfig, release: string) => {
    const key = String(target.id)
    delivering.add(key)
    try {
      const check = checking.get(key)
      if (check) {
        check.abort.abort()
        await check.done
      }
      await deliver(target, release, AbortSignal.timeout(PUSH_TIMEOUT_MS), driverFor(target))
    } catch (error) {
      payload.logger.error({ err: error, msg: `发布目标“${target.name}”同步失败` })
    } finally {
      delivering.delete(key)
      // A release that came while this target was busy is sent now, not at the next interval.
      if (release !== (await liveRelease())) wake()
    }
  }
  const checkTamper = (target: TargetConfig) => {
    const key = String(target.id)
    const abort = new AbortController()
    const done = readTamper(target, audit, AbortSignal.any([abort.signal, AbortSignal.timeout(PUSH_TIMEOUT_MS)]))
      .catch((error: unknown) => payload.logger.error({ err: error, msg: `发布目标“${target.name}”防篡改检查失败` }))
      .finally(() => checking.delete(key))
    checking.set(key, { abort, done })
  }
  const tick = async () => {
    const release = await liveRelease()
    const { docs } = await payload.find({ collection: 'publish-targets' as never, where: { enabled: { equals: true } }, limit: 100, overrideAccess: true, depth: 0 })
    for (const target of docs as unknown as TargetConfig[]) {
      const key = String(target.id)
      if (delivering.has(key)) continue
      const state = await readState(target.id)
      if (release && (state.live !== release || state.lastError)) void deliverTo(target, release)
      else if (!checking.has(key)) checkTamper(target)
    }
  }
  let running = false
  let again = false
  /** Runs a tick now, or right after the one running (a release may have switched meanwhile). */
  const wake = () => {
    if (running) {
      again = true
      return
    }
    running = true
    again = false
    tick()
      .catch((error: unknown) => payload.logger.error({ err: error, msg: '发布目标同步失败' }))
      .finally(() => {
        running = false
        if (again) wake()
      })
  }
  setInterval(wake, intervalMs).unref()
  // A release switches the `dist` link by a rename in its folder: push at once rather than at the next tick.
  try {
    watch(path.dirname(distLink()), (_event, name) => {
      if (name?.toString() === path.basename(distLink())) wake()
    }).unref()
  } catch {
    // Without file events the interval still catches every release.
  }
  wake()
  return { wake }
}

/** How often each target's tampering is looked at (`WENMING_TAMPER_CHECK_MS`): an s3 check lists the bucket. */
const tamperCheckMs = () => Number(process.env.WENMING_TAMPER_CHECK_MS ?? 5000)
const lastTamperCheck = new Map<string, number>()

/** Records the files a target's guard restored since last read, in 操作日志 and the target's count. */
const readTamper = async (target: TargetConfig, audit: Audit, signal: AbortSignal) => {
  const key = String(target.id)
  if (Date.now() - (lastTamperCheck.get(key) ?? 0) < tamperCheckMs()) return
  const driver = driverFor(target)
  if (!driver.tamperSince) return
  lastTamperCheck.set(key, Date.now())
  const state = await readState(target.id)
  try {
    const { entries, offset } = await driver.tamperSince(state.tamperOffset, await deliveredManifest(target.id), signal)
    if (offset === state.tamperOffset) return
    for (const e of entries) {
      const what = e.kind === 'added' ? '被添加的文件已移除' : e.kind === 'deleted' ? '被删除的文件已恢复' : '被改动的文件已恢复'
      await audit({ action: 'tamper', collection: 'publish-targets', docTitle: target.name, detail: `网页防篡改：${e.file}（${what}，${e.at}，版本 ${e.release}）` })
    }
    await writeState(target.id, { ...(await readState(target.id)), tamper: state.tamper + entries.length, tamperOffset: offset })
  } catch {
    // The guard's log is read again next time; a push error is what the dashboard shows.
  }
}
