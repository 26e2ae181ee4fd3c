import { spawnSync } from 'node:child_process'
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'

import { dataEnv } from '../../scripts/lib/data-env.ts'
import { createSiteServer } from '../../scripts/site-server.ts'
import { startNginx } from '../lib/publicServer.ts'

const root = path.resolve(import.meta.dirname, '../..')

/** Runs a repository script on the pinned Node with the e2e environment; throws with its output on failure. */
export const runScript = (script: string, args: string[], env: Record<string, string>) => {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** Serves a built site on `port` with the real static server. */
const serve = async (dist: string, port: string): Promise<Server> => {
  const server = createSiteServer(dist)
  await new Promise<void>((resolve) => server.listen(Number(port), resolve))
  return server
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = process.env.E2E_DATA_DIR!
  const env = dataEnv(dir, { name: 'e2e', secret: 'e2e-only-secret', seedPassword: 'e2e-password-123', siteUrl: `http://localhost:${process.env.E2E_SITE_PORT!}` })
  runScript('scripts/seed.ts', [], env)
  const markers = JSON.parse(runScript('tests/e2e/fixtures.ts', [], env).trim().split('\n').at(-1)!) as Record<string, string>
  writeFileSync(path.join(dir, 'markers.json'), JSON.stringify(markers))
  // The old fault-injection switch is set on purpose: it must not exist outside the tests, so a build
  // with it set (to the title of a seed document) still succeeds.
  runScript('scripts/build-site.ts', [], { ...env, SITE_BUILD_FAIL_ON: '立足首善' })
  const server = await serve(env.SITE_DIST, process.env.E2E_SITE_PORT!)
  // The same release as a public machine gets it: shipped as a signed ferry bundle, verified and applied by
  // the receiver, and served by nginx with the project's configuration (the site-nginx project's tests).
  const ferry = path.join(dir, 'ferry')
  const webroot = path.join(dir, 'public')
  const keyFile = path.join(dir, 'release-key.pem')
  mkdirSync(ferry, { recursive: true })
  const release = path.basename(path.dirname(realpathSync(env.SITE_DIST)))
  runScript('tests/lib/pushOnce.ts', [JSON.stringify({ id: 'e2e-nginx', name: 'nginx', kind: 'folder', enabled: true, path: ferry }), release, keyFile], env)
  runScript('scripts/receive.ts', [ferry, webroot, '--key', keyFile], env)
  const nginx = await startNginx(path.join(dir, 'nginx-server'), '127.0.0.1', Number(process.env.E2E_NGINX_PORT), webroot)

  const archiveDir = process.env.E2E_ARCHIVE_DIR!
  const archiveEnv = dataEnv(archiveDir, { name: 'archive', secret: 'e2e-archive-secret', seedPassword: 'e2e-password-123', siteUrl: `http://localhost:${process.env.E2E_ARCHIVE_PORT!}` })
  runScript('eval/build-archive-site.ts', [], archiveEnv)
  const archiveServer = await serve(archiveEnv.SITE_DIST, process.env.E2E_ARCHIVE_PORT!)
  return async () => {
    await new Promise((resolve) => server.close(resolve))
    await new Promise((resolve) => archiveServer.close(resolve))
    await nginx.stop()
    if (!process.env.KEEP_E2E_DATA) {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
      rmSync(archiveDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
      // The live stack's data (its server is stopped right after this teardown).
      if (process.env.E2E_LIVE_DIR) rmSync(process.env.E2E_LIVE_DIR, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    }
  }
}
