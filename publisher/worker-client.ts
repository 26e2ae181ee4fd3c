/**
 * The CMS's handle on the publisher process (publisher/worker.ts): started on first use (or warmed when
 * the job runner starts), reused for every publish, and started anew after it died. A publisher killed
 * mid-release leaves the live release as it was (the switch is the release's last step); the publish
 * that asked fails with a clear error and the next one takes over the lock once it has gone stale.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { rootDir } from '../cms/lib/paths.ts'
import type { PreviewResult } from './preview.ts'
import { publisherEnv } from './process-env.ts'
import type { PublishMode, PublishSummary, WorkerReply, WorkerRequest } from './worker-protocol.ts'

interface Pending {
  resolve: (summary: PublishSummary) => void
  previewed?: (result: PreviewResult) => void
  reject: (error: Error) => void
  log: (line: string) => void
}

let child: { process: ChildProcess; pending: Map<number, Pending> } | null = null
let nextId = 1

const worker = () => {
  if (child?.process.connected) return child
  // spawn with an IPC channel rather than fork: the CMS's bundler takes fork's first argument for a
  // module to bundle, and the publisher runs from source in a process of its own.
  const started = spawn(process.execPath, [path.join(rootDir, 'publisher', 'worker.ts')], {
    cwd: rootDir,
    env: publisherEnv({ ...process.env, WENMING_JOBS: '0' }),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, Pending>()
  started.on('message', (reply: WorkerReply) => {
    const waiting = pending.get(reply.id)
    if (!waiting) return
    if (reply.kind === 'log') waiting.log(reply.line)
    else if (reply.kind === 'preview') {
      pending.delete(reply.id)
      waiting.previewed?.(reply.result)
    } else {
      pending.delete(reply.id)
      waiting.resolve(reply.summary)
    }
  })
  started.on('exit', (code, signal) => {
    const why = new Error(`网站发布进程意外退出（${signal ? `信号 ${signal}` : `退出码 ${String(code)}`}），线上仍是上一个版本；下一次发布会自动接替。`)
    for (const waiting of pending.values()) waiting.reject(why)
    pending.clear()
  })
  child = { process: started, pending }
  return child
}

/** Starts the publisher and loads Payload and the page renderer, so the first publish is as fast as the rest. */
export const warmPublisher = () => worker().process.send({ kind: 'warm' } satisfies WorkerRequest)

/** Publishes through the publisher process; resolves with what it did (or why it failed). */
export const publishInWorker = (mode: PublishMode, log: (line: string) => void = () => undefined) =>
  new Promise<PublishSummary>((resolve, reject) => {
    const id = nextId++
    const { process: publisher, pending } = worker()
    pending.set(id, { resolve, reject, log })
    publisher.send({ kind: 'publish', id, mode } satisfies WorkerRequest)
  })

/** Renders a draft preview in the publisher process, which has the page renderer loaded (publisher/preview.ts). */
export const previewInWorker = (collection: string, docId: string, live: boolean) =>
  new Promise<PreviewResult>((resolve, reject) => {
    const id = nextId++
    const { process: publisher, pending } = worker()
    pending.set(id, { resolve: () => undefined, previewed: resolve, reject, log: () => undefined })
    publisher.send({ kind: 'preview', id, collection, docId, live } satisfies WorkerRequest)
  })
