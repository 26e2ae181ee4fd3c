/**
 * The bench's public targets, one of each kind, on real servers on this machine: an ssh web server (sshd
 * and nginx on 127.0.0.2), an S3-compatible bucket (s3rver, read back path-style) and a ferry folder with
 * the receiver running as a service and nginx on its web root (127.0.0.3). They are added to the CMS over
 * REST like an admin would; `url(kind, path)` is where a page shows on each.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort, startNginx, startPublicServer, startS3Server } from '../../tests/lib/publicServer.ts'

export type TargetKind = 'ssh' | 's3' | 'folder'
export const TARGET_KINDS: TargetKind[] = ['ssh', 's3', 'folder']

export const startBenchTargets = async (dir: string, root: string, cms: string, adminToken: string) => {
  const ssh = await startPublicServer(path.join(dir, 'ssh'), '127.0.0.2', await freePort('127.0.0.2'), await freePort('127.0.0.2'))
  const s3Port = await freePort('127.0.0.1')
  const s3 = await startS3Server(s3Port, path.join(dir, 's3'), 'site')
  // The bucket is the provider's machines in deployment; here its stand-in (which reads every object's
  // metadata file for each listing page of the tamper check) shares the CMS's two cores, so it runs at low
  // priority, as the bench's browser does.
  os.setPriority(s3.pid!, 10)
  const ferry = path.join(dir, 'ferry')
  const webroot = path.join(dir, 'public')
  mkdirSync(ferry, { recursive: true })
  mkdirSync(webroot, { recursive: true })
  const folderPort = await freePort('127.0.0.3')
  const folderNginx = await startNginx(path.join(dir, 'folder-nginx'), '127.0.0.3', folderPort, webroot)
  process.env.WENMING_BENCH_S3_KEY = 'S3RVER'
  process.env.WENMING_BENCH_S3_SECRET = 'S3RVER'

  const headers = { 'content-type': 'application/json', authorization: `JWT ${adminToken}` }
  const status = async () => ((await (await fetch(`${cms}/api/publish-targets/status`, { headers })).json()) as { targets: { name: string; kind: TargetKind; live: string | null; behind: number; lastError: string | null; lastBytes: number | null; lastPushMs: number | null }[]; publicKey: string })
  const keyFile = path.join(dir, 'release-key.pem')
  writeFileSync(keyFile, (await status()).publicKey)
  writeFileSync(path.join(ssh.root, 'release-key.pem'), (await status()).publicKey)
  const receiver = spawn(process.execPath, [path.join(root, 'scripts/receive.ts'), ferry, webroot, '--key', keyFile, '--watch', '--interval', '1'], { stdio: 'ignore' })
  const targets = [
    { name: '基准 SSH', kind: 'ssh', host: ssh.host, port: ssh.sshPort, user: ssh.user, path: ssh.root, keyFile: ssh.keyFile, hostKey: ssh.hostKey },
    { name: '基准对象存储', kind: 's3', endpoint: `http://127.0.0.1:${String(s3Port)}`, region: 'us-east-1', bucket: 'site', prefix: 'www/', forcePathStyle: true, accessKeyEnv: 'WENMING_BENCH_S3_KEY', secretKeyEnv: 'WENMING_BENCH_S3_SECRET' },
    { name: '基准摆渡目录', kind: 'folder', path: ferry },
  ]
  for (const t of targets) {
    const res = await fetch(`${cms}/api/publish-targets`, { method: 'POST', headers, body: JSON.stringify({ ...t, enabled: true }) })
    if (!res.ok) throw new Error(`添加发布目标失败：${await res.text()}`)
  }
  const url = (kind: TargetKind, pathname: string) =>
    kind === 'ssh' ? ssh.url(pathname) : kind === 's3' ? `http://127.0.0.1:${String(s3Port)}/site/www${pathname}${pathname.endsWith('/') ? 'index.html' : ''}` : `http://127.0.0.3:${String(folderPort)}${pathname}`
  /** Whether every target's web server answers with the home page `site` serves (the same release). */
  const serve = async (site: string) => {
    const home = await (await fetch(`${site}/`)).text()
    const served = await Promise.all(TARGET_KINDS.map(async (k) => (await fetch(url(k, '/')).then((r) => r.text(), () => null)) === home))
    return served.every(Boolean)
  }
  return {
    url,
    serve,
    status,
    stop: async () => {
      receiver.kill()
      s3.kill()
      await folderNginx.stop()
      await ssh.stop()
    },
  }
}
