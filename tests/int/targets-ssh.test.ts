import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { dataDir, rootDir } from '../../cms/lib/paths.ts'
import { publish, rollback } from '../../publisher/release.ts'
import { publicKeyPem } from '../../publisher/targets/signing.ts'
import { behind, deliver, deliveredManifest, driverFor, readState, type TargetConfig } from '../../publisher/targets/sync.ts'
import { hashFile } from '../../publisher/files.ts'
import { freePort, makeNamespace, type PublicServer, startPublicServer } from '../lib/publicServer.ts'
import { cms } from './helpers.ts'

// Two public web servers, each a real sshd and nginx on its own loopback address: the publisher pushes
// each release over SSH (rsync, key only, host key pinned), the server verifies and switches, nginx
// serves it with the project's configuration. Faults: a server that is down (the other one is not
// delayed; it catches up by itself), a wrong host key (refused). The guard's findings are read back over
// SSH; a rollback reaches both.
process.env.SITE_DIST = path.join(dataDir, 'dist-ssh-targets')
const work = mkdtempSync(path.join(os.tmpdir(), 'wenming-ssh-'))
let payload: Payload
const servers: PublicServer[] = []
let targets: TargetConfig[] = []
let guard: ChildProcess | null = null

const release = async (mode: 'fast' | 'full' = 'fast') => {
  const result = await publish({ mode })
  if (!result.ok) throw new Error(result.error)
  return result.release
}
const news = async (word: string) =>
  payload.create({ collection: 'news', data: { title: `服务器推送 ${word}`, slug: `ssh-${word}`, date: '2024-07-08T04:00:00.000Z', category: '其他', body: await markdownToRichText(`正文 ${word}。`), _status: 'published' }, context: { skipRebuild: true }, overrideAccess: true })
const push = (t: TargetConfig, id: string) => deliver(t, id, AbortSignal.timeout(120_000))
/** Writes zeros into `file` until the disk is full. */
const spawnSyncFill = (file: string) => {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${file}`, 'bs=1M'], { stdio: 'ignore' })
  } catch {
    // dd stops with "No space left on device": that is the point.
  }
}
const get = (server: PublicServer, pathname: string, headers: Record<string, string> = {}) => fetch(server.url(pathname), { headers })

beforeAll(async () => {
  payload = await cms()
  for (const [i, host] of ['127.0.0.2', '127.0.0.3'].entries()) {
    const server = await startPublicServer(path.join(work, `server${String(i)}`), host, await freePort(host), await freePort(host))
    // The admin installs the site's public key on each server (the dashboard shows it).
    writeFileSync(path.join(server.root, 'release-key.pem'), publicKeyPem())
    servers.push(server)
  }
  targets = servers.map((s, i) => ({ id: `test-ssh-${String(i)}`, name: `网站服务器${String(i + 1)}`, kind: 'ssh', enabled: true, host: s.host, port: s.sshPort, user: s.user, path: s.root, keyFile: s.keyFile, hostKey: s.hostKey }))
  await release('full')
}, 180_000)

afterAll(async () => {
  guard?.kill()
  await Promise.all(servers.map((s) => s.stop()))
  delete process.env.SITE_DIST
  rmSync(work, { recursive: true, force: true })
})

describe('ssh targets behind nginx', () => {
  it('push the site to both servers; nginx serves it with brotli, the 404 page, caching and security headers', async () => {
    await news('one')
    const id = await release()
    for (const t of targets) expect((await push(t, id)).lastError).toBeNull()
    for (const s of servers) {
      const page = await get(s, '/news/ssh-one/', { 'Accept-Encoding': 'br' })
      expect(page.status).toBe(200)
      expect(page.headers.get('content-encoding')).toBe('br')
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
      expect(await page.text()).toContain('服务器推送 one')
      const plain = await get(s, '/news/ssh-one/', { 'Accept-Encoding': 'gzip' })
      expect(plain.headers.get('content-encoding')).toBe('gzip')
      const missing = await get(s, '/no-such-page/')
      expect(missing.status).toBe(404)
      expect(await missing.text()).toContain('lang="zh-CN"')
      const asset = readFileSync(path.join(s.root, 'current', 'search', 'index.html'), 'utf8').match(/\/_astro\/[^"'\s>]+/)?.[0]
      expect(asset).toBeTruthy()
      expect((await get(s, asset!)).headers.get('cache-control')).toContain('immutable')
      expect((await get(s, '/.git/config')).status).toBe(404)
    }
  })

  it('a push starts from the links made after the last switch and replaces only what changed, never writing into them', async () => {
    const server = servers[0]!
    const before = readlinkSync(path.join(server.root, 'current')).replace(/^releases\//, '')
    const { docs } = await payload.find({ collection: 'news', where: { slug: { equals: 'ssh-one' } }, overrideAccess: true })
    await payload.delete({ collection: 'news', id: docs[0]!.id, context: { skipRebuild: true }, overrideAccess: true })
    await news('one-b')
    const id = await release()
    expect((await push(targets[0]!, id)).lastError).toBeNull()
    // Exactly the manifest's files, each as signed; the taken-down page's folder is gone (404, not 403).
    const exactly = async (release: string, files: Record<string, string>) => {
      const dir = path.join(server.root, 'releases', release)
      const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
      expect(entries.filter((e) => e.isFile()).length, release).toBe(Object.keys(files).length)
      expect(entries.filter((e) => e.isDirectory() && readdirSync(path.join(e.parentPath, e.name)).length === 0)).toEqual([])
      for (const [rel, sha] of Object.entries(files)) expect(await hashFile(path.join(dir, rel)), rel).toBe(sha)
    }
    await exactly(id, (await deliveredManifest(targets[0]!.id))!.files)
    const previous = JSON.parse(readFileSync(path.join(dataDir, 'releases', before, 'release.json'), 'utf8')) as { files: Record<string, string> }
    await exactly(before, previous.files)
    expect((await get(server, '/news/ssh-one/')).status).toBe(404)
    expect((await get(server, '/news/ssh-one-b/')).status).toBe(200)
    await news('one')
    const again = await release()
    for (const t of targets) expect((await push(t, again)).lastError).toBeNull()
  })

  it('a server that is down does not delay the other, keeps serving its last release, and catches up by itself', async () => {
    servers[0]!.killSsh()
    await news('two')
    const id = await release()
    const [down, up] = await Promise.all(targets.map((t) => push(t, id)))
    expect(down!.lastError).toBeTruthy()
    expect(up!.lastError).toBeNull()
    expect((await get(servers[0]!, '/news/ssh-two/')).status).toBe(404)
    expect((await get(servers[0]!, '/news/ssh-one/')).status).toBe(200)
    expect((await get(servers[1]!, '/news/ssh-two/')).status).toBe(200)
    await news('three')
    const later = await release()
    await servers[0]!.startSsh()
    expect((await push(targets[0]!, later)).lastError).toBeNull()
    for (const slug of ['ssh-two', 'ssh-three']) expect((await get(servers[0]!, `/news/${slug}/`)).status).toBe(200)
  })

  it('a server without the site’s public key, or with another one, switches nothing', async () => {
    const s = servers[1]!
    const keyFile = path.join(s.root, 'release-key.pem')
    const key = readFileSync(keyFile, 'utf8')
    const live = readlinkSync(path.join(s.root, 'current'))
    await news('unsigned')
    const id = await release()
    rmSync(keyFile)
    expect((await push(targets[1]!, id)).lastError).toMatch(/没有发布公钥/)
    writeFileSync(keyFile, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }))
    expect((await push(targets[1]!, id)).lastError).toMatch(/签名无效/)
    expect(readlinkSync(path.join(s.root, 'current'))).toBe(live)
    writeFileSync(keyFile, key)
    expect((await push(targets[1]!, id)).lastError).toBeNull()
  })

  it('refuses a server whose host key is not the pinned one', async () => {
    const impostor = { ...targets[0]!, id: 'test-ssh-impostor', hostKey: servers[1]!.hostKey }
    const state = await push(impostor, await release())
    expect(state.lastError).toMatch(/Host key verification failed|REMOTE HOST IDENTIFICATION/i)
  })

  it('the guard on a server restores a tampered page; the CMS reads what it did over SSH', async () => {
    const s = servers[1]!
    const keyFile = path.join(s.root, 'release-key.pem')
    guard = spawn(process.execPath, [path.join(rootDir, 'scripts/guard.ts'), s.root, '--key', keyFile, '--interval', '5'], { stdio: 'ignore' })
    const page = path.join(s.root, 'current', 'news', 'ssh-one', 'index.html')
    const original = readFileSync(page, 'utf8')
    await expect.poll(() => readFileSync(path.join(s.root, 'guard.log'), 'utf8').includes('"watching"'), { timeout: 20_000 }).toBe(true)
    writeFileSync(page, '<h1>已被篡改</h1>')
    await expect.poll(() => readFileSync(page, 'utf8'), { timeout: 10_000 }).toBe(original)
    expect(await (await get(s, '/news/ssh-one/')).text()).toContain('服务器推送 one')
    // The guard writes its line just after putting the page back: wait for the line as the CMS reads it.
    const restored = async () => (await driverFor(targets[1]!).tamperSince!(0, null, AbortSignal.timeout(30_000))).entries.some((e) => e.kind === 'changed' && e.file === 'news/ssh-one/index.html')
    await expect.poll(restored, { timeout: 10_000 }).toBe(true)
  }, 60_000)

  it('a full disk fails the push and changes nothing served; freeing space lets it catch up', async () => {
    // The third server's web root is a small tmpfs, filled up after its first release.
    const dir = path.join(work, 'server-disk')
    mkdirSync(path.join(dir, 'www'), { recursive: true })
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', path.join(dir, 'www')])
    try {
      const s = await startPublicServer(dir, '127.0.0.4', await freePort('127.0.0.4'), await freePort('127.0.0.4'))
      servers.push(s)
      writeFileSync(path.join(s.root, 'release-key.pem'), publicKeyPem())
      const t: TargetConfig = { id: 'test-ssh-disk', name: '小磁盘服务器', kind: 'ssh', enabled: true, host: s.host, port: s.sshPort, user: s.user, path: s.root, keyFile: s.keyFile, hostKey: s.hostKey }
      expect((await push(t, await release())).lastError).toBeNull()
      const filler = path.join(s.root, 'filler')
      spawnSyncFill(filler)
      await news('full')
      const id = await release()
      const full = await push(t, id)
      expect(full.lastError).toMatch(/No space left|空间/)
      expect((await get(s, '/news/ssh-full/')).status).toBe(404)
      expect((await get(s, '/news/ssh-one/')).status).toBe(200)
      rmSync(filler)
      expect((await push(t, id)).lastError).toBeNull()
      expect((await get(s, '/news/ssh-full/')).status).toBe(200)
    } finally {
      await servers.pop()?.stop()
      execFileSync('umount', ['-l', path.join(dir, 'www')])
    }
  })

  it('a pusher killed mid-push (kill -9 of the CMS) leaves the server on its last release; the next push completes it', async () => {
    const s = servers[0]!
    await news('killed')
    const id = await release()
    const before = readlinkSync(path.join(s.root, 'current'))
    const pusher = spawn(process.execPath, [path.join(rootDir, 'tests/lib/pushOnce.ts'), JSON.stringify(targets[0]), id], { stdio: 'ignore' })
    const partial = path.join(s.root, 'releases', `${id}.partial`)
    await expect.poll(() => existsSync(partial), { timeout: 30_000, interval: 10 }).toBe(true)
    pusher.kill('SIGKILL')
    await new Promise((resolve) => pusher.once('exit', resolve))
    expect(readlinkSync(path.join(s.root, 'current'))).toBe(before)
    expect((await get(s, '/news/ssh-killed/')).status).toBe(404)
    expect((await push(targets[0]!, id)).lastError).toBeNull()
    expect((await get(s, '/news/ssh-killed/')).status).toBe(200)
    expect(readdirSync(path.join(s.root, 'releases')).filter((d) => d.endsWith('.partial'))).toEqual([])
  })

  it('a network cut (link down) fails the push after the connect timeout; the server keeps serving and catches up when the link is back', async () => {
    const ns = makeNamespace(7)
    try {
      const s = await startPublicServer(path.join(work, 'server-netns'), ns.host, 2222, 8080, ns.name)
      servers.push(s)
      writeFileSync(path.join(s.root, 'release-key.pem'), publicKeyPem())
      const t: TargetConfig = { id: 'test-ssh-netns', name: '隔离网络服务器', kind: 'ssh', enabled: true, host: s.host, port: s.sshPort, user: s.user, path: s.root, keyFile: s.keyFile, hostKey: s.hostKey }
      expect((await push(t, await release())).lastError).toBeNull()
      ns.link(false)
      await news('cut')
      const id = await release()
      const cut = await push(t, id)
      expect(cut.lastError).toMatch(/timed out|超时|Connection/i)
      ns.link(true)
      expect((await get(s, '/news/ssh-one/')).status).toBe(200)
      expect((await get(s, '/news/ssh-cut/')).status).toBe(404)
      expect((await push(t, id)).lastError).toBeNull()
      expect((await get(s, '/news/ssh-cut/')).status).toBe(200)
    } finally {
      await servers.pop()?.stop()
      ns.remove()
    }
  }, 120_000)

  it('a server killed mid-push keeps its last release; it catches up once it is back', async () => {
    const s = servers[0]!
    await news('crash')
    const id = await release()
    const before = readlinkSync(path.join(s.root, 'current'))
    // The push is held on the server at its checks (the staged directory is there, nothing switched) by a
    // sha256sum that waits, and the server dies there.
    const held = path.join(s.dir, 'held')
    const wrapper = path.join(s.dir, 'bin', 'sha256sum')
    writeFileSync(wrapper, `#!/bin/sh\ntouch '${held}'\nsleep 60\nexec /usr/bin/sha256sum "$@"\n`, { mode: 0o755 })
    const pushing = push(targets[0]!, id)
    await expect.poll(() => existsSync(held), { timeout: 30_000 }).toBe(true)
    expect(existsSync(path.join(s.root, 'releases', `${id}.partial`))).toBe(true)
    s.killSsh()
    rmSync(wrapper)
    expect((await pushing).lastError).toBeTruthy()
    expect(readlinkSync(path.join(s.root, 'current'))).toBe(before)
    expect((await get(s, '/news/ssh-crash/')).status).toBe(404)
    await s.startSsh()
    expect((await push(targets[0]!, id)).lastError).toBeNull()
    expect((await get(s, '/news/ssh-crash/')).status).toBe(200)
  })

  it('a rollback reaches every server', async () => {
    await news('four')
    const id = await release()
    for (const t of targets) expect((await push(t, id)).lastError).toBeNull()
    for (const s of servers) expect((await get(s, '/news/ssh-four/')).status).toBe(200)
    const previous = await rollback()
    // Until it is pushed, a server is one release away; then on the live release (the dashboard's 落后).
    expect(await behind((await readState(targets[0]!.id)).live)).toBe(1)
    for (const t of targets) expect((await push(t, previous)).lastError).toBeNull()
    for (const s of servers) expect((await get(s, '/news/ssh-four/')).status).toBe(404)
    for (const t of targets) expect(await behind((await readState(t.id)).live)).toBe(0)
  })

  it('a server put back on an older release behind the CMS’s back (a restored backup) is given what it lacks, and nothing stray stays', async () => {
    const s = servers[1]!
    const older = readdirSync(path.join(s.root, 'releases')).filter((n) => !n.includes('.')).sort()[0]!
    execFileSync('ln', ['-sfn', `releases/${older}`, path.join(s.root, 'current.tmp')])
    execFileSync('mv', ['-T', path.join(s.root, 'current.tmp'), path.join(s.root, 'current')])
    await news('restored')
    const id = await release()
    expect((await push(targets[1]!, id)).lastError).toBeNull()
    expect((await get(s, '/news/ssh-restored/')).status).toBe(200)
    const files = (await deliveredManifest(targets[1]!.id))!.files
    const served = readdirSync(path.join(s.root, 'releases', id), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() || e.isSymbolicLink())
    expect(served.length).toBe(Object.keys(files).length)
    for (const [rel, sha] of Object.entries(files)) expect(await hashFile(path.join(s.root, 'releases', id, rel)), rel).toBe(sha)
  })

  it('files planted in the directory readied for the next push do not stop pushes: its folders’ change times show them, and that push checks every file', async () => {
    const s = servers[0]!
    const live = readlinkSync(path.join(s.root, 'current')).replace(/^releases\//, '')
    const readied = path.join(s.root, 'releases', `${live}.next`)
    // Readied with the change time of each of its folders (a push trusts it while they stay the same).
    await expect.poll(() => existsSync(`${readied}.times`), { timeout: 30_000 }).toBe(true)
    // Planted with the folders' modification times then set back as they were.
    const stamps = [readied, path.join(readied, 'news')].map((dir, i) => [dir, path.join(s.root, `times-${String(i)}`)] as const)
    for (const [dir, stamp] of stamps) expect(spawnSync('touch', ['-r', dir, stamp]).status).toBe(0)
    writeFileSync(path.join(readied, 'news', 'planted.html'), '<p>被植入</p>')
    mkdirSync(path.join(readied, 'planted'))
    writeFileSync(path.join(readied, 'planted', 'index.html'), '<p>被植入</p>')
    for (const [dir, stamp] of stamps) expect(spawnSync('touch', ['-r', stamp, dir]).status).toBe(0)
    await news('after-planting')
    const id = await release()
    expect((await push(targets[0]!, id)).lastError).toBeNull()
    expect((await get(s, '/news/ssh-after-planting/')).status).toBe(200)
    expect((await get(s, '/news/planted.html')).status).toBe(404)
    expect((await get(s, '/planted/')).status).toBe(404)
    const files = (await deliveredManifest(targets[0]!.id))!.files
    const served = readdirSync(path.join(s.root, 'releases', id), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() || e.isSymbolicLink())
    expect(served.length).toBe(Object.keys(files).length)
  })
})
