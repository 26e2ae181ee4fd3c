import type { Endpoint } from 'payload'

import { userHasRole } from '../access/roles.ts'
import { readBuildState } from '../../publisher/state.ts'
import { requestRebuild } from './rebuildSite.ts'

/** GET /api/site-build: the site's build state. POST: an admin asks for a rebuild (重新构建). */
export const siteBuildEndpoint: Endpoint[] = [
  {
    path: '/site-build',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: '请先登录。' }] }, { status: 401 })
      return Response.json(await readBuildState())
    },
  },
  {
    path: '/site-build',
    method: 'post',
    handler: async (req) => {
      if (!userHasRole(req.user, 'admin')) return Response.json({ errors: [{ message: '只有管理员可以重新构建网站。' }] }, { status: 403 })
      const result = await requestRebuild(req, `${req.user?.name ?? '管理员'} 手动重新构建`)
      return Response.json({ message: result === 'queued' ? '已加入构建队列' : '已有等待中的构建任务，本次修改会包含在内', result })
    },
  },
]
