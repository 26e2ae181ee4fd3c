import type { Endpoint } from 'payload'

import { userHasRole } from '../access/roles.ts'
import { rollback } from '../../publisher/releases.ts'
import { readBuildState } from '../../publisher/state.ts'
import { requestRebuild } from './rebuildSite.ts'

/**
 * GET /api/site-build: the site's build state. POST: an admin asks for a rebuild (重新构建).
 * POST /api/site-rollback: an admin switches the site back to the previous release; the publish targets
 * follow within seconds (publisher/targets/sync.ts ships whatever is live).
 */
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
  {
    path: '/site-rollback',
    method: 'post',
    handler: async (req) => {
      if (!userHasRole(req.user, 'admin')) return Response.json({ errors: [{ message: '只有管理员可以回退网站。' }] }, { status: 403 })
      try {
        const release = await rollback()
        return Response.json({ message: `已回退到版本 ${release}，各发布目标将在数秒内跟随`, release })
      } catch (error) {
        return Response.json({ errors: [{ message: `回退失败：${(error as Error).message}` }] }, { status: 409 })
      }
    },
  },
]
