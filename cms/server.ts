/**
 * The CMS's HTTP server: Next (the admin and Payload's REST API), with REST reads the micro-cache holds
 * (lib/apiCache.ts) answered before Next routes them. Routing alone held one core near 1,000 requests a
 * second, so a kept answer that went through Next could not be quick under load; here it costs a Map
 * lookup and a write. Everything else, and every read the cache does not hold, goes to Next as
 * `next start` would serve it (the same request handler, compression included).
 *
 * `node cms/server.ts --port 3000 --host 127.0.0.1` after `next build cms`.
 */
import http from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

import { keptAnswer, type KeptAnswer } from './lib/apiCache.ts'

// As `next start` does: the production build, whatever the caller's environment says.
;(process.env as Record<string, string>).NODE_ENV = 'production'
// Without --host it listens on every interface, as `next start` does.
const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '3000' }, host: { type: 'string' } } })
const port = Number(values.port)
const { default: next } = await import('next')

const app = next({ dev: false, dir: path.dirname(new URL(import.meta.url).pathname), hostname: values.host ?? 'localhost', port })
await app.prepare()
const handle = app.getRequestHandler()

/** On every answer: the admin may only be framed by itself (clickjacking); browsers that predate CSP get X-Frame-Options. */
const SECURITY_HEADERS: [string, string][] = [
  ['Content-Security-Policy', "frame-ancestors 'self'"],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
]

/**
 * Compressed copies of kept answers, made on the first request that accepts gzip (as Next's compression
 * would); each lives only as long as its answer is kept, and is never larger than it.
 */
const gzipped = new WeakMap<KeptAnswer, Buffer>()
const COMPRESS_FROM_BYTES = 1024

const answer = (kept: KeptAnswer, request: http.IncomingMessage, response: http.ServerResponse) => {
  const headers: [string, string][] = [...kept.headers, ['x-cache', 'HIT']]
  let body: Uint8Array = kept.body
  if (body.byteLength >= COMPRESS_FROM_BYTES) {
    headers.push(['vary', 'Accept-Encoding'])
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      let zipped = gzipped.get(kept)
      if (!zipped) gzipped.set(kept, (zipped = gzipSync(body)))
      body = zipped
      headers.push(['content-encoding', 'gzip'])
    }
  }
  headers.push(['content-length', String(body.byteLength)])
  for (const [name, value] of headers) response.appendHeader(name, value)
  response.writeHead(200)
  response.end(body)
}

const server = http.createServer((request, response) => {
  const kept = keptAnswer(request.method ?? 'GET', request.url ?? '/', (name) => {
    const value = request.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  })
  for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value)
  if (kept) answer(kept, request, response)
  else
    handle(request, response).catch((error: unknown) => {
      console.error('内容管理后台处理请求失败：', error)
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('服务器内部错误，请稍后重试。')
    })
})

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `✖ 端口 ${String(port)} 已被占用：请关闭占用它的程序，或用 PORT=其他端口 npm start。`
      : `✖ 内容管理后台无法启动：${error.message}`,
  )
  process.exit(1)
})
server.listen(port, values.host, () => console.log(`▶ 内容管理后台已启动（端口 ${String(port)}）`))
// Open connections get a moment to finish their answers, as they would with `next start`.
const stop = () => {
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  setTimeout(() => process.exit(0), 2_000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
