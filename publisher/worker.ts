/**
 * The publisher as a long-lived process (started with an IPC channel by publisher/worker-client.ts). Each publish in a fresh
 * process paid Node's start, Payload's init and the renderer's import (~2.5 s) before any work; this
 * process keeps them loaded, and the last release's manifest and snapshot in memory, so a publish costs
 * only what the change affects. Messages: `{ kind: 'warm' }` loads everything ahead of the first
 * publish; `{ kind: 'publish', id, mode }` publishes and answers `{ kind: 'done', id, summary }`,
 * streaming `{ kind: 'log', id, line }` meanwhile. The process exits when its parent goes away (saving
 * the snapshot first, which it otherwise saves once idle).
 */
import { getCms } from '../cms/lib/getCms.ts'
import { renderPreview } from './preview.ts'
import { publish, readyForFirstPublish, saveSnapshotNow } from './release.ts'
import { renderLanes } from './render-lanes.ts'
import { loadRenderer } from './renderer.ts'
import type { WorkerRequest, WorkerReply } from './worker-protocol.ts'

const send = (reply: WorkerReply) => process.send?.(reply)

// Requests run one after another (the publish lock would serialise them anyway).
let queue: Promise<void> = Promise.resolve()

process.on('message', (request: WorkerRequest) => {
  // A preview reads and renders only: it never waits for a publish.
  if (request.kind === 'preview') {
    renderPreview(request.collection, request.docId, { live: request.live })
      .catch((error: unknown) => ({ ok: false as const, status: 500, message: `预览生成失败：${error instanceof Error ? error.message : String(error)}` }))
      .then((result) => send({ kind: 'preview', id: request.id, result }))
    return
  }
  queue = queue.then(async () => {
    if (request.kind === 'warm') {
      // The render lanes' threads load the bundle meanwhile too (render-lanes.ts).
      await Promise.all([getCms(), loadRenderer().then((r) => renderLanes(r.entry, r.origin))]).catch(() => undefined)
      await readyForFirstPublish().catch(() => undefined)
      return
    }
    const result = await publish({ mode: request.mode, publishesAgain: true, log: (line) => send({ kind: 'log', id: request.id, line }) })
    send({
      kind: 'done',
      id: request.id,
      summary: result.ok
        ? {
            ok: true,
            release: result.release,
            pages: result.manifest.pages,
            rendered: result.rendered,
            reused: result.reused,
            ms: result.manifest.ms,
            failures: result.manifest.failures.map((f) => f.message),
          }
        : { ok: false, error: result.error },
    })
  })
})

process.on('disconnect', () => void saveSnapshotNow().finally(() => process.exit(0)))
