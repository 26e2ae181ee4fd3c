import type { Endpoint } from 'payload'

import { publicError } from '../lib/errors.ts'
import { siteHealth } from './siteHealth.ts'

/** `GET /api/site-health` (signed-in users): every public column's last update, rule and state. */
export const siteHealthEndpoint: Endpoint = {
  path: '/site-health',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw publicError('请先登录。', 401)
    return Response.json(await siteHealth(req.payload, new Date()), { headers: { 'Cache-Control': 'no-store' } })
  },
}
