/**
 * GET /preview/<collection>/<id>: the draft as the public page will show it, for a signed-in staff member
 * or the holder of a valid share link (?token=…). Never cached, never indexed; a forged, expired or
 * revoked link gets a Chinese page saying so, and no draft text; without either, the reader is sent to
 * sign in and brought back.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { previewInWorker } from '../../publisher/worker-client.ts'
import { userHasRole } from '../access/roles.ts'
import { linkOpens } from './links.ts'

const PRIVATE = {
  'Cache-Control': 'private, no-store, max-age=0',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'",
}

const notice = (status: number, title: string, text: string) =>
  new Response(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${title}</title></head><body style="font:18px/1.7 system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;color:#1a1a1a"><h1 style="font-size:1.5em">${title}</h1><p>${text}</p></body></html>`,
    { status, headers: { ...PRIVATE, 'Content-Type': 'text/html; charset=utf-8' } },
  )

export const previewPage = async (request: Request, collection: string, id: string): Promise<Response> => {
  const payload = await getPayload({ config })
  const params = new URL(request.url).searchParams
  const token = params.get('token')
  if (token) {
    const state = await linkOpens(payload, collection, id, token)
    if (state === 'expired') return notice(410, '预览链接已过期', '这个预览链接已超过有效期。请联系发给您链接的同志重新生成。')
    if (state === 'revoked') return notice(410, '预览链接已撤销', '这个预览链接已被撤销，不能再查看。请联系发给您链接的同志。')
    if (state === 'invalid') return notice(403, '预览链接无效', '链接不完整或不正确。请核对链接，或联系发给您链接的同志重新生成。')
  } else {
    const { user } = await payload.auth({ headers: request.headers })
    // Not signed in, or a link opened from a chat or an e-mail (a cross-site navigation, where the session
    // cookie does not count): sign in, then come back here. The login page only follows a path on this site.
    if (!user) {
      const back = new URL(request.url)
      return new Response(null, { status: 303, headers: { ...PRIVATE, Location: `/admin/login?redirect=${encodeURIComponent(`${back.pathname}${back.search}`)}` } })
    }
    if (!userHasRole(user, 'admin', 'editor', 'reviewer', 'signer')) return notice(403, '无权预览', '您的账号没有查看稿件的权限。')
  }
  const result = await previewInWorker(collection, id, params.get('live') === '1').catch((error: unknown) => ({ ok: false as const, status: 503, message: error instanceof Error ? error.message : String(error) }))
  if (!result.ok) return notice(result.status, '无法预览', result.message)
  return new Response(result.html, { status: 200, headers: { ...PRIVATE, 'Content-Type': 'text/html; charset=utf-8' } })
}
