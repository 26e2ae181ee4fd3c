/**
 * A worker thread that renders pages of a release (render-lanes.ts): each page is rendered with the
 * server bundle, written into the release with its compressed copies, and what the search indexes of
 * it is worked out here too. A page's strings and buffers are thereby made and dropped in this thread's
 * small heap, not in the publisher's, which holds the whole archive: each full garbage collection there
 * marks that heap (~1 s at 100,000 documents), and the buffers of the pages being written started one
 * every few seconds.
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

import type { SynonymGroup } from '../cms/lib/synonyms.ts'
import { hashWithCopiesSync } from './precompress.ts'
import type { RenderReply, RenderRequest } from './render-lanes.ts'
import type { ServerBundle } from './renderer.ts'
import { indexInput } from './search-index.ts'

const { entry, origin } = workerData as { entry: string; origin: string }
const bundle = (await import(pathToFileURL(entry).href)) as ServerBundle

/** The release being written and the synonym groups its index adds (set before its pages are sent). */
let release: { siteDir: string; groups: SynonymGroup[] } = { siteDir: '', groups: [] }

const renderPage = async ({ id, url, route, rel }: Extract<RenderRequest, { url: string }>): Promise<RenderReply> => {
  const written: string[] = []
  try {
    const response = await bundle.render(new Request(new URL(url, origin)), new Map([[url, route]]))
    if (!response.ok && !(url === '/404' && response.status === 404))
      throw new Error(`渲染结果为 HTTP ${String(response.status)}：${(await response.text()).slice(0, 300)}`)
    const body = await response.text()
    const { siteDir } = release
    // Written and compressed on this thread: the lane is a thread of its own, and libuv's shared threads only added their overhead.
    const put = (file: string, data: Buffer) => {
      written.push(file)
      writeFileSync(path.join(siteDir, file), data)
    }
    const data = Buffer.from(body)
    put(rel, data)
    const files = hashWithCopiesSync(rel, data, put)
    return { id, files: Object.entries(files), index: rel.endsWith('.html') ? indexInput(body, release.groups) : undefined }
  } catch (error) {
    // A page that failed leaves nothing behind: the publisher may link its last good version in its place.
    for (const file of written) rmSync(path.join(release.siteDir, file), { force: true })
    return { id, error: error instanceof Error ? error.message : String(error) }
  }
}

parentPort!.on('message', (request: RenderRequest) => {
  if ('siteDir' in request) release = request
  else void renderPage(request).then((reply) => parentPort!.postMessage(reply))
})
parentPort!.postMessage({ ready: true })
