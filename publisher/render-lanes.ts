/**
 * Render lanes: the pages of a release are rendered by worker threads (render-worker.ts), one per CPU
 * core, each of which also writes the page with its compressed copies and works out what the search
 * indexes of it. The publisher's thread hands out pages and records what comes back. The lanes of the
 * current renderer stay up between releases (a long-lived publisher renders a few pages a publish) and
 * keep no process alive while they have no page to render.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

import type { SynonymGroup } from '../cms/lib/synonyms.ts'
import type { Route } from '../site/lib/routes.ts'
import type { IndexInput } from './search-index.ts'

export type RenderRequest = { siteDir: string; groups: SynonymGroup[] } | { id: number; url: string; route: Route; rel: string }
/** `files`: each file written (the page and its copies) with its SHA-256; `index`: what the search indexes of an HTML page (null: not indexed). */
export type RenderReply = { id: number; files: [string, string][]; index: IndexInput | null | undefined } | { id: number; error: string }
export type RenderedPage = Omit<Extract<RenderReply, { files: unknown }>, 'id'>

interface Lane {
  worker: Worker
  waiting: Map<number, { resolve: (page: RenderedPage) => void; reject: (error: Error) => void }>
  /** Its thread has loaded the bundle. */
  ready: boolean
}

export interface RenderLanes {
  /** Starts a release: its pages are written into `siteDir`, indexed with `groups`. */
  begin: (release: { siteDir: string; groups: SynonymGroup[] }) => void
  /** Renders `url` into file `rel` of the release (its folder must exist). */
  render: (url: string, route: Route, rel: string) => Promise<RenderedPage>
  /** Pages a caller keeps in flight so that no lane waits for the next one. */
  depth: number
}

let current: { entry: string; lanes: RenderLanes; stop: () => Promise<void> } | null = null

/**
 * A lane's young generation: what a page makes dies with it, and a lane holds ~16 MB besides; V8's
 * default reserved ~3 × 16 MB per thread for it.
 */
const YOUNG_MB = 8
/** Its old generation at most: V8 otherwise lets a thread's heap grow with the pages it makes well beyond what it holds. */
const OLD_MB = 256

/** The lanes of the renderer whose server bundle is `entry` (those of another renderer are stopped). */
export const renderLanes = async (entry: string, origin: string, count = availableParallelism()): Promise<RenderLanes> => {
  if (current?.entry === entry) return current.lanes
  await current?.stop()
  let release: { siteDir: string; groups: SynonymGroup[] } | null = null
  let next = 0
  const lanes: Lane[] = []
  /** Set when a thread could not load the bundle: every page fails with it (a new publish tries again). */
  let broken: Error | null = null
  const start = (): Lane => {
    const lane: Lane = {
      worker: new Worker(new URL('./render-worker.ts', import.meta.url), {
        workerData: { entry, origin },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB },
      }),
      waiting: new Map(),
      ready: false,
    }
    lane.worker.unref()
    if (release) lane.worker.postMessage(release)
    lane.worker.on('message', (reply: RenderReply | { ready: true }) => {
      if ('ready' in reply) {
        lane.ready = true
        return
      }
      const job = lane.waiting.get(reply.id)
      lane.waiting.delete(reply.id)
      if (lane.waiting.size === 0) lane.worker.unref()
      if ('error' in reply) job?.reject(new Error(reply.error))
      else job?.resolve({ files: reply.files, index: reply.index })
    })
    // A lane that stops (a crash, memory exhausted) fails its pages and is started again for the next
    // ones; one that never started (the bundle did not load) is not.
    const fail = (error: Error) => {
      const i = lanes.indexOf(lane)
      if (i < 0) return
      if (!lane.ready) broken = new Error(`页面生成线程无法启动：${error.message}`)
      for (const job of lane.waiting.values()) job.reject(broken ?? error)
      lane.waiting.clear()
      if (lane.ready) lanes[i] = start()
      else {
        if (current?.lanes === result) current = null
        void stop()
      }
    }
    lane.worker.on('error', fail)
    lane.worker.on('exit', (code) => fail(new Error(`页面生成线程异常退出（${String(code)}）`)))
    return lane
  }
  for (let i = 0; i < count; i++) lanes.push(start())
  const result: RenderLanes = {
    depth: count * 4,
    begin: (r) => {
      release = r
      for (const lane of lanes) lane.worker.postMessage(r)
    },
    render: (url, route, rel) => {
      if (broken) return Promise.reject(broken)
      // The lane with the fewest pages in flight.
      const lane = lanes.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a))
      const id = next++
      return new Promise((resolve, reject) => {
        try {
          lane.worker.postMessage({ id, url, route, rel } satisfies RenderRequest)
        } catch (error) {
          // Props that cannot be copied to the thread (not plain data): this page fails, the lane goes on.
          reject(error instanceof Error ? error : new Error(String(error)))
          return
        }
        if (lane.waiting.size === 0) lane.worker.ref()
        lane.waiting.set(id, { resolve, reject })
      })
    },
  }
  const stop = async () => {
    const stopping = lanes.splice(0)
    await Promise.all(stopping.map((lane) => lane.worker.terminate()))
  }
  current = { entry, lanes: result, stop }
  return result
}
