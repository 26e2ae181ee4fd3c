/**
 * The static file server of the public site: sirv over the built site directory, with precompressed
 * brotli (.br) files and gzip made per request for clients that do not take brotli, long-lived caching of
 * fingerprinted assets, revalidation of HTML, the site's own 404 page and a few security headers. Files are looked up per request, so when the `dist` link is
 * switched to a new release the next request is served from it.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import compression from 'compression'
import sirv from 'sirv'

import { listenHost } from '../cms/lib/deployment.ts'

/** Sent with every response: no file is ever run as a type other than the one it is served as. */
const NOSNIFF: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' }
/**
 * Sent with what a browser may show as a document (HTML, SVG and XML, which can carry scripts): these
 * headers govern documents only. Left off scripts, styles, images and the search index's data files: a
 * first search makes about fifteen requests, and they were ~5 KB of its bytes.
 */
const DOCUMENT_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'",
}

/** Files that are never shown as a document; anything else gets the document headers. */
const NOT_DOCUMENT = /\.(js|mjs|css|json|png|jpe?g|webp|avif|gif|ico|woff2?|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/
const SECURITY_HEADERS = { ...NOSNIFF, ...DOCUMENT_HEADERS }
const securityHeaders = (pathname: string) => (NOT_DOCUMENT.test(pathname) ? NOSNIFF : SECURITY_HEADERS)

export const createSiteServer = (siteDir: string): http.Server => {
  const handlerFor = new Map<string, ReturnType<typeof sirv>>()
  /** sirv bound to the directory `siteDir` currently resolves to (a release switch changes it). */
  const current = () => {
    const real = realpathSync(siteDir)
    let handler = handlerFor.get(real)
    if (!handler) {
      handler = sirv(real, {
        // Looked up per request (sirv's "dev" lookup, with its check that the path stays inside the
        // directory): a release is never changed once live, and listing it up front at every switch
        // blocked the server for ~0.65 s at 10,000 documents (45,000 files) before the new release answered.
        dev: true,
        etag: true,
        // Releases made before brotli-only precompression still carry .gz copies.
        gzip: true,
        brotli: true,
        extensions: ['html'],
        setHeaders: (res, pathname) => {
          for (const [k, v] of Object.entries(securityHeaders(pathname))) res.setHeader(k, v)
          res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate')
        },
      })
      handlerFor.clear()
      handlerFor.set(real, handler)
    }
    return { real, handler }
  }

  /** A path with a hidden segment (`/.git/…`): a per-request lookup would serve it; a release has none of its own. */
  const hidden = (url = '') => {
    let pathname = url.split('?')[0] ?? ''
    try {
      pathname = decodeURIComponent(pathname)
    } catch {
      // Left as it is; sirv does not decode it either.
    }
    return /[/\\]\./.test(pathname)
  }

  // What sirv sends uncompressed (to a client without brotli, or a file without a .br copy) is compressed
  // here per request; a precompressed answer already carries its Content-Encoding and is left alone.
  const compress = compression()

  return http.createServer((req, res) => compress(req as never, res as never, () => serve(req, res)))

  function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    let site: ReturnType<typeof current>
    try {
      site = current()
    } catch {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10' })
      res.end('网站正在生成，请稍后刷新。')
      return
    }
    const notFound = () => {
      const page = path.join(site.real, '404.html')
      res.statusCode = 404
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Cache-Control', 'no-cache')
      res.end(existsSync(page) ? readFileSync(page) : '<!doctype html><html lang="zh-CN"><title>页面未找到</title><p>页面未找到</p></html>')
    }
    if (hidden(req.url)) notFound()
    else site.handler(req, res, notFound)
  }
}

// `node scripts/site-server.ts [dir]`: serve the built site on SITE_PORT (default 4321).
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? 'dist')
  const port = Number(process.env.SITE_PORT ?? 4321)
  const host = listenHost()
  createSiteServer(dir).listen(port, host, () => console.log(`公众网站：http://${host}:${port}/ （${dir}）`))
}
