import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { dataDir, rootDir } from '../../cms/lib/paths.ts'
import { publish, rollback } from '../../publisher/release.ts'
import { BUNDLE_SUFFIX } from '../../publisher/targets/bundle.ts'
import { publicKeyPem } from '../../publisher/targets/signing.ts'
import { deliver, type TargetConfig } from '../../publisher/targets/sync.ts'
import { objectPath, partPath, pruneReleases, SWEPT } from '../../publisher/targets/webroot.ts'
import { hashFile } from '../../publisher/files.ts'
import { cms } from './helpers.ts'

// The `folder` target end to end on real files and processes: the CMS signs and writes bundles into a
// ferry folder, `npm run receive` verifies and applies them on the "public machine" (another directory),
// and `npm run guard` restores tampered files. Faults: a byte flipped in transit, a bundle signed by
// another key, a ferry folder that cannot be written (the target catches up in one bundle afterwards).
process.env.SITE_DIST = path.join(dataDir, 'dist-targets')
const work = mkdtempSync(path.join(os.tmpdir(), 'wenming-targets-'))
const ferry = path.join(work, 'ferry')
const webroot = path.join(work, 'public')
const keyFile = path.join(work, 'release-key.pem')
const target: TargetConfig = { id: 'test-folder', name: '摆渡测试', kind: 'folder', enabled: true, path: ferry }
let payload: Payload
let guard: ChildProcess | null = null

afterAll(() => {
  guard?.kill()
  delete process.env.SITE_DIST
  rmSync(work, { recursive: true, force: true })
})

const release = async () => {
  const result = await publish({ mode: 'fast' })
  if (!result.ok) throw new Error(result.error)
  return result
}
const receive = () => spawnSync(process.execPath, [path.join(rootDir, 'scripts/receive.ts'), ferry, webroot, '--key', keyFile], { encoding: 'utf8' })
const live = () => path.basename(readlinkSync(path.join(webroot, 'current')))
const bundles = () => readdirSync(ferry).filter((n) => n.endsWith(BUNDLE_SUFFIX)).sort()
const news = async (word: string) =>
  payload.create({ collection: 'news', data: { title: `摆渡测试 ${word}`, slug: `ferry-${word}`, date: '2024-05-06T04:00:00.000Z', category: '其他', body: await markdownToRichText(`正文 ${word}。`), _status: 'published' }, context: { skipRebuild: true }, overrideAccess: true })

/** Every file of the local release, byte for byte, in the public machine's live release. */
const sameAsLocal = (id: string, served = path.join(webroot, 'current')) => {
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'releases', id, 'release.json'), 'utf8')) as { files: Record<string, string> }
  const files = readdirSync(served, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  expect(files.length).toBe(Object.keys(manifest.files).length)
  return Promise.all(Object.entries(manifest.files).map(async ([rel, sha]) => expect(await hashFile(path.join(served, rel)), rel).toBe(sha)))
}

beforeAll(async () => {
  payload = await cms()
  mkdirSync(ferry, { recursive: true })
  writeFileSync(keyFile, publicKeyPem())
  const result = await publish({ mode: 'full', clean: true })
  if (!result.ok) throw new Error(result.error)
}, 180_000)

describe('the folder target and the receiver', () => {
  let firstBytes = 0
  it('ships the whole site once, then a release as a small delta; the receiver verifies, applies and switches each', async () => {
    const first = (await publish({ mode: 'fast' })) as { ok: true; release: string }
    const state = await deliver(target, first.release, AbortSignal.timeout(60_000))
    expect(state.lastError).toBeNull()
    firstBytes = state.lastBytes!
    expect(receive().status).toBe(0)
    expect(live()).toBe(first.release)
    await sameAsLocal(first.release)

    // The next release starts from the directory readied after a switch (an older release made equal to the
    // live one, once there are more than five; links of the live one before). Something put there, or a
    // file there replaced, must not reach the next release: it is built to the manifest.
    const prepared = path.join(webroot, 'releases', `${first.release}.next`)
    expect(existsSync(path.join(prepared, 'index.html'))).toBe(true)
    writeFileSync(path.join(prepared, 'planted.html'), '<p>被植入</p>')
    // A link planted there is removed, not followed: what it points at stays untouched.
    const outside = path.join(work, 'outside')
    mkdirSync(outside, { recursive: true })
    writeFileSync(path.join(outside, 'keep.txt'), '别处的文件')
    symlinkSync(outside, path.join(prepared, 'elsewhere'))
    rmSync(path.join(prepared, 'about', 'index.html'))
    writeFileSync(path.join(prepared, 'about', 'index.html'), '<p>被替换</p>')
    await news('alpha')
    const second = await release()
    const next = await deliver(target, second.release, AbortSignal.timeout(60_000))
    expect(next.lastError).toBeNull()
    console.log('bytes', firstBytes, next.lastBytes)
    expect(next.lastBytes!).toBeLessThan(firstBytes / 2)
    expect(receive().status).toBe(0)
    expect(live()).toBe(second.release)
    expect(readFileSync(path.join(webroot, 'receive.log'), 'utf8').trim().split('\n').findLast((l) => l.includes('"live"'))).toContain('"prepared":true')
    await sameAsLocal(second.release)
    expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('别处的文件')
    expect(existsSync(path.join(webroot, 'current', 'elsewhere'))).toBe(false)
    // Built in the directory of the first release's links, without writing into any of them.
    await sameAsLocal(first.release, path.join(webroot, 'releases', first.release))
    expect(readFileSync(path.join(webroot, 'current', 'news', 'ferry-alpha', 'index.html'), 'utf8')).toContain('摆渡测试 alpha')
  })

  it('refuses a bundle with a byte flipped in transit, and one signed by another key; the live release stays', async () => {
    const before = live()
    await news('beta')
    const third = await release()
    await deliver(target, third.release, AbortSignal.timeout(60_000))
    const name = bundles().at(-1)!
    const file = path.join(ferry, name)
    const bytes = readFileSync(file)
    // The page's text sits in the tar's data: flip a byte of the new page's body.
    const at = bytes.indexOf(Buffer.from('摆渡测试 beta'))
    expect(at).toBeGreaterThan(0)
    bytes[at + 2] = bytes[at + 2]! ^ 0x01
    writeFileSync(file, bytes)
    const flipped = receive()
    console.log(flipped.stdout, flipped.stderr, bundles())
    expect(flipped.stdout).toContain('rejected')
    expect(flipped.stdout).toMatch(/SHA-256 与签名清单不符/)
    expect(live()).toBe(before)
    expect(readdirSync(path.join(webroot, 'rejected'))).toContain(name)

    // The same release signed by a key that is not the site's.
    const stranger = path.join(work, 'stranger.pem')
    writeFileSync(stranger, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }))
    rmSync(path.join(dataDir, 'targets', String(target.id)), { recursive: true, force: true })
    await deliver(target, third.release, AbortSignal.timeout(60_000))
    const result = spawnSync(process.execPath, [path.join(rootDir, 'scripts/receive.ts'), ferry, webroot, '--key', stranger], { encoding: 'utf8' })
    expect(result.stdout).toMatch(/签名无效/)
    expect(live()).toBe(before)
    // Sent again and received with the right key, it is applied.
    rmSync(path.join(dataDir, 'targets', String(target.id)), { recursive: true, force: true })
    await deliver(target, third.release, AbortSignal.timeout(60_000))
    expect(receive().status).toBe(0)
    expect(live()).toBe(third.release)
  })

  it('a ferry folder that cannot be written is reported; the next push covers everything the target missed', async () => {
    renameSync(ferry, `${ferry}.away`)
    writeFileSync(ferry, 'not a folder')
    await news('gamma')
    const fourth = await release()
    const failed = await deliver(target, fourth.release, AbortSignal.timeout(60_000))
    expect(failed.lastError).toBeTruthy()
    expect(failed.live).not.toBe(fourth.release)
    await news('delta')
    const fifth = await release()
    unlinkSync(ferry)
    renameSync(`${ferry}.away`, ferry)
    const count = bundles().length
    const recovered = await deliver(target, fifth.release, AbortSignal.timeout(60_000))
    expect(recovered.lastError).toBeNull()
    expect(bundles().length).toBe(count + 1)
    expect(receive().status).toBe(0)
    expect(live()).toBe(fifth.release)
    await sameAsLocal(fifth.release)
  })

  it('a rollback reaches the public machine: the release before goes live there again', async () => {
    const current = live()
    const previous = await rollback()
    expect(previous).not.toBe(current)
    expect((await deliver(target, previous, AbortSignal.timeout(60_000))).lastError).toBeNull()
    expect(receive().status).toBe(0)
    expect(live()).toBe(previous)
    await sameAsLocal(previous)
    expect(existsSync(path.join(webroot, 'current', 'news', 'ferry-delta', 'index.html'))).toBe(false)
    // And forward again with the next publish.
    await news('epsilon')
    const next = await release()
    expect((await deliver(target, next.release, AbortSignal.timeout(60_000))).lastError).toBeNull()
    expect(receive().status).toBe(0)
    expect(live()).toBe(next.release)
    await sameAsLocal(next.release)
  })

  it('a receiver running as a service starts each release from the one it readied; tampering with that directory is found and built around', async () => {
    const service = spawn(process.execPath, [path.join(rootDir, 'scripts/receive.ts'), ferry, webroot, '--key', keyFile, '--watch', '--interval', '1'], { stdio: 'ignore' })
    const lines = () => readFileSync(path.join(webroot, 'receive.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; release?: string; timings?: { trusted?: number; rechecked?: number } })
    const goLive = async (word: string) => {
      await news(word)
      const next = await release()
      expect((await deliver(target, next.release, AbortSignal.timeout(60_000))).lastError).toBeNull()
      await expect.poll(() => live(), { timeout: 30_000 }).toBe(next.release)
      await sameAsLocal(next.release)
      // The receiver switches, then logs the switch: its line may come a moment after the release is live.
      const liveLine = () => lines().findLast((l) => l.event === 'live' && l.release === next.release)
      await expect.poll(() => liveLine() !== undefined, { timeout: 30_000 }).toBe(true)
      const timings = liveLine()?.timings
      return { id: next.release, trusted: timings?.trusted, rechecked: timings?.rechecked }
    }
    const readied = (id: string) => expect.poll(() => lines().some((l) => l.event === 'readied' && l.release === id), { timeout: 30_000 }).toBe(true)
    try {
      // There are more than five releases by now: each switch readies the oldest as a copy of the live one.
      const first = await goLive('zeta')
      await readied(first.id)
      const second = await goLive('eta')
      expect(second.trusted).toBe(1)
      await readied(second.id)
      // Tampered with once readied: a file planted, one replaced, a folder with a page in it added.
      const prepared = path.join(webroot, 'releases', `${second.id}.next`)
      writeFileSync(path.join(prepared, 'news', 'planted.html'), '<p>被植入</p>')
      rmSync(path.join(prepared, 'about', 'index.html'))
      writeFileSync(path.join(prepared, 'about', 'index.html'), '<p>被替换</p>')
      mkdirSync(path.join(prepared, 'news', 'ferry-eta', 'extra'))
      writeFileSync(path.join(prepared, 'news', 'ferry-eta', 'extra', 'index.html'), '<p>被植入</p>')
      const third = await goLive('theta')
      expect(third.trusted).toBe(0)
      expect(readFileSync(path.join(webroot, 'current', 'about', 'index.html'), 'utf8')).not.toContain('被替换')
      // A file planted with its folder's modification time set back: the folder's change time (which
      // cannot be set back) tells, and the release is checked file by file.
      await readied(third.id)
      const folder = path.join(webroot, 'releases', `${third.id}.next`, 'news')
      const times = path.join(work, 'times')
      expect(spawnSync('touch', ['-r', folder, times]).status).toBe(0)
      writeFileSync(path.join(folder, 'planted.html'), '<p>被植入</p>')
      expect(spawnSync('touch', ['-r', times, folder]).status).toBe(0)
      // (Not first trusted, then found out by a count after staging: nothing is counted in a trusted one.)
      expect(await goLive('iota')).toMatchObject({ trusted: 0, rechecked: undefined })
      expect(existsSync(path.join(webroot, 'current', 'news', 'planted.html'))).toBe(false)
    } finally {
      service.kill()
    }
  }, 120_000)

  it('sweeps the copies and manifest parts no kept release names once they are ten minutes unused, at most once in ten minutes', async () => {
    const old = new Date(Date.now() - 11 * 60_000)
    const made = (file: string) => {
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, 'stray')
      utimesSync(file, old, old)
      return file
    }
    const strayObject = made(objectPath(webroot, `ab${'0'.repeat(62)}`))
    const strayPart = made(partPath(webroot, `cd${'0'.repeat(62)}`))
    const signedRoot = JSON.parse(readFileSync(path.join(webroot, 'manifests', `${live()}.json`), 'utf8')) as { parts: string[] }
    const local = JSON.parse(readFileSync(path.join(dataDir, 'releases', live(), 'release.json'), 'utf8')) as { files: Record<string, string> }
    const usedPart = partPath(webroot, signedRoot.parts[0]!)
    const usedObject = objectPath(webroot, local.files['index.html']!)
    for (const file of [usedPart, usedObject]) utimesSync(file, old, old)
    utimesSync(made(path.join(webroot, SWEPT)), old, old)
    await pruneReleases(webroot)
    expect([existsSync(strayObject), existsSync(strayPart), existsSync(usedPart), existsSync(usedObject)]).toEqual([false, false, true, true])
    // Swept just now: another stray waits for the next sweep.
    made(strayObject)
    await pruneReleases(webroot)
    expect(existsSync(strayObject)).toBe(true)
  })
})

describe('网页防篡改 (npm run guard)', () => {
  it('restores a changed, an added and a deleted file within seconds and logs each', async () => {
    guard = spawn(process.execPath, [path.join(rootDir, 'scripts/guard.ts'), webroot, '--key', keyFile, '--interval', '5'], { stdio: 'ignore' })
    const served = path.join(webroot, 'current')
    const page = path.join(served, 'news', 'ferry-alpha', 'index.html')
    const original = readFileSync(page, 'utf8')
    const log = () => readFileSync(path.join(webroot, 'guard.log'), 'utf8')
    await expect.poll(() => log().includes('"watching"'), { timeout: 20_000 }).toBe(true)

    // The page is one inode that older releases link too: changed in place, it must not come back with
    // a rollback (or the next release).
    const releases = path.join(webroot, 'releases')
    const linked = readdirSync(releases).map((name) => path.join(releases, name, 'news', 'ferry-alpha', 'index.html')).filter((file) => file !== realpathSync(page) && statSync(file, { throwIfNoEntry: false })?.ino === statSync(page).ino)
    expect(linked.length).toBeGreaterThan(0)
    writeFileSync(page, '<h1>已被篡改</h1>')
    writeFileSync(path.join(served, 'shell.php'), '<?php system($_GET["c"]); ?>')
    const deleted = path.join(served, 'news', 'index.html')
    const deletedBefore = readFileSync(deleted)
    unlinkSync(deleted)
    await expect.poll(() => readFileSync(page, 'utf8'), { timeout: 10_000 }).toBe(original)
    for (const file of linked) await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 5000 }).toBe(original)
    await expect.poll(() => readdirSync(served).includes('shell.php'), { timeout: 10_000 }).toBe(false)
    await expect.poll(() => (statSync(deleted, { throwIfNoEntry: false }) ? readFileSync(deleted).equals(deletedBefore) : false), { timeout: 10_000 }).toBe(true)
    // Each line is written just after its file is put right: wait for the line, not only the file.
    const logged = (kind: string, file: string) => log().split('\n').some((l) => l.includes('"restored"') && l.includes(`"${kind}"`) && l.includes(file))
    await expect.poll(() => logged('changed', 'ferry-alpha'), { timeout: 5000 }).toBe(true)
    await expect.poll(() => logged('added', 'shell.php'), { timeout: 5000 }).toBe(true)
    await expect.poll(() => logged('deleted', 'news/index.html'), { timeout: 5000 }).toBe(true)
  }, 60_000)
})
