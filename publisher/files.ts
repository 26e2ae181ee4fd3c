import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { setPriority } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Writes a file by renaming a complete temporary one into place. Each write has a temporary file of its
 * own: two writes of one file at once (the pristine copy of two files with the same content in one
 * bundle) shared one before, and the second rename found it gone.
 */
let temporaries = 0
export const writeAtomic = async (file: string, data: Buffer | string, mode?: number) => {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${String(process.pid)}-${String(++temporaries)}.tmp`
  await writeFile(tmp, data, mode === undefined ? undefined : { mode })
  await rename(tmp, file)
}

/** Whether a release's file is in its search folder, which every release makes anew (nothing of it is carried over). */
export const inSearchFolder = (rel: string): boolean => rel.startsWith('pagefind/')

/** Adds a search file to the list of its folder (`pagefind/<partition>`; a file at the top is a folder of its own). */
export const groupSearchFile = (folders: Map<string, string[]>, rel: string) => {
  const end = rel.indexOf('/', 'pagefind/'.length)
  const folder = end < 0 ? rel : rel.slice(0, end)
  const list = folders.get(folder)
  if (list) list.push(rel)
  else folders.set(folder, [rel])
}

/**
 * A release file list's search files by folder, kept per list: the publish that makes a list records its
 * grouping as it sets the files (`keepSearchFolders`), and a list read from disk is grouped once, in one
 * pass over its entries (330,000 at 100,000 documents).
 */
const searchFoldersKept = new WeakMap<Record<string, string>, Map<string, string[]>>()
export const keepSearchFolders = (files: Record<string, string>, folders: Map<string, string[]>) => searchFoldersKept.set(files, folders)
export const searchFolders = (files: Record<string, string>): Map<string, string[]> => {
  const kept = searchFoldersKept.get(files)
  if (kept) return kept
  const folders = new Map<string, string[]>()
  for (const rel in files) if (inSearchFolder(rel)) groupSearchFile(folders, rel)
  searchFoldersKept.set(files, folders)
  return folders
}

/** The SHA-256 (hex) of some bytes: what release manifests record for every file. */
export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

/** The SHA-256 of a file (streamed), or null when it cannot be read. */
export const hashFile = async (file: string): Promise<string | null> => {
  try {
    const hash = createHash('sha256')
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
    return hash.digest('hex')
  } catch {
    return null
  }
}

/** Runs `fn` over `items`, `n` at a time; after a failure no new item starts, and the first error is thrown. */
export const pool = async <T>(items: T[], n: number, fn: (item: T) => Promise<void>) => {
  let next = 0
  let failed = false
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      try {
        while (!failed && next < items.length) await fn(items[next++]!)
      } catch (error) {
        failed = true
        throw error
      }
    }),
  )
}

/**
 * Runs a worker thread (`script`, a module beside this one that posts `{}` when done or `{ error }`), so
 * file work of many system calls stays off the publisher's own thread. `what` names the work in errors.
 */
export const inWorker = (script: string, workerData: unknown, what: string) =>
  new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL(script, import.meta.url), { workerData })
    worker.once('message', (m: { error?: string }) => (m.error ? reject(new Error(`${what}失败：${m.error}`)) : resolve()))
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`${what}的线程异常退出（${String(code)}）`)))
  })

/** Hard-links the files `rels` of directory `from` into directory `to` (in a worker thread: link-worker.ts). */
export const linkFiles = (from: string, to: string, rels: string[]) =>
  rels.length === 0 ? Promise.resolve() : inWorker('./link-worker.ts', { from, to, rels }, '复用上一版本的文件')

/** Removes a file of directory `dir`, and each folder above it (up to `dir`) that it leaves empty. */
export const removeWithEmptyFolders = async (dir: string, rel: string) => {
  await rm(path.join(dir, rel), { force: true })
  for (let folder = path.dirname(rel); folder !== '.'; folder = path.dirname(folder)) {
    if ((await readdir(path.join(dir, folder)).catch(() => ['?'])).length > 0) break
    await rm(path.join(dir, folder), { recursive: true, force: true })
  }
}

/** Runs a process at the lowest priority where the system allows it (left as it is elsewhere). */
export const lowerPriority = (pid: number | undefined) => {
  try {
    if (pid) setPriority(pid, 19)
  } catch {
    // Left at normal priority.
  }
}

/**
 * Copies directory `from` to `to` as hard links (`cp -al`, GNU coreutils; symbolic links stay links), at
 * low priority: a whole site's worth of links is seconds of system time, made where nothing waits for it
 * (or stopped by `signal` when something would).
 */
export const copyAsLinks = (from: string, to: string, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const cp = spawn('cp', ['-al', from, to], { stdio: ['ignore', 'ignore', 'pipe'], signal })
    lowerPriority(cp.pid)
    let error = ''
    cp.stderr.on('data', (d: Buffer) => (error += d.toString()))
    cp.on('error', reject)
    cp.on('close', (code) => (code === 0 ? resolve() : reject(new Error(error.trim() || `cp 退出码 ${String(code)}`))))
  })
