/**
 * `node bench/build-memory.ts <data dir>`: the peak memory of a clean full build on its own, as
 * `npm run build:site -- --clean` runs it: the build process, its index worker threads and every child
 * process (Pagefind's indexers, Astro's compiler when the templates changed), sampled from /proc. The
 * bench's own figure counts the bench process too, which still holds the documents it generated.
 * Use it on data kept by `npm run bench -- --docs N --keep`.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { benchEnv } from './lib/env.ts'
import { peakMemory } from './lib/memory.ts'
import { publisherEnv } from '../publisher/process-env.ts'

const dir = path.resolve(process.argv[2] ?? '')
const root = path.resolve(import.meta.dirname, '..')
const env = publisherEnv({ ...process.env, ...benchEnv(dir) })
const started = performance.now()
const child = spawn(process.execPath, [path.join(root, 'scripts', 'build-site.ts'), '--clean'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] })
const memory = peakMemory(child.pid)
const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
const peak = memory.stop()
console.log(`全新构建：退出码 ${String(code)}，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒，峰值内存 ${peak ? `${(peak / 1024 / 1024).toFixed(0)} MB` : '—'}（构建进程及其子进程）`)
process.exit(code ?? 1)
