/**
 * The Next.js build of the CMS admin, made again exactly when what it bundles changed (a hash of cms/,
 * publisher/ and the lockfile, kept beside the build). Used by `npm start` and the benchmark, so neither
 * runs an admin built from older code.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { rootDir } from '../../cms/lib/paths.ts'

const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const stampFile = path.join(rootDir, 'cms', '.next', 'source-hash')

/** The command line that serves the built CMS (cms/server.ts): on every interface unless a host is given. */
export const cmsServerArgs = (port: number | string, host?: string) => [path.join(rootDir, 'cms', 'server.ts'), '--port', String(port), ...(host ? ['--host', host] : [])]

/** Hashed once per process: the stale check and the build's stamp use the same reading of the sources. */
let hashed: string | undefined
const sourceHash = (): string => (hashed ??= hashSources())
const hashSources = (): string => {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === '.next' || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(full).update(readFileSync(full))
    }
  }
  // The CMS bundles the publisher's client (cms/jobs) and the code the publisher shares with it.
  for (const dir of ['cms', 'publisher']) walk(path.join(rootDir, dir))
  hash.update(readFileSync(path.join(rootDir, 'package-lock.json')))
  return hash.digest('hex')
}

/** Whether the admin must be built (never built, or built from other sources). */
export const adminBuildStale = () => {
  const built = existsSync(path.join(rootDir, 'cms', '.next', 'BUILD_ID')) && existsSync(stampFile)
  return !built || readFileSync(stampFile, 'utf8') !== sourceHash()
}

/** Builds the admin (output shown as it goes); returns the exit status. */
export const buildAdmin = (env: NodeJS.ProcessEnv): number => {
  const hash = sourceHash()
  const result = spawnSync(process.execPath, [nextBin, 'build', 'cms'], { cwd: rootDir, env, stdio: 'inherit' })
  if (result.status === 0) writeFileSync(stampFile, hash)
  return result.status ?? 1
}
