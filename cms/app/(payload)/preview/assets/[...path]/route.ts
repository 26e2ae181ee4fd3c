import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { renderersDir } from '../../../../../../publisher/renderers-dir.ts'

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json' }

/** The preview's CSS, scripts and icons: the static files of the renderer that drew it (/preview/assets/<renderer>/…). */
export const GET = async (_request: Request, { params }: { params: Promise<{ path: string[] }> }) => {
  const [key = '', ...rest] = (await params).path
  const root = path.join(renderersDir(), path.basename(key), 'client')
  const file = path.join(root, ...rest)
  if (!/^[0-9a-f]{16}$/.test(key) || !file.startsWith(`${root}${path.sep}`)) return new Response('Not found', { status: 404 })
  const data = await readFile(file).catch(() => null)
  if (!data) return new Response('Not found', { status: 404 })
  return new Response(data, { headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'private, max-age=3600' } })
}
