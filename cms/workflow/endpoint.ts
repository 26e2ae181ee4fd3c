import { APIError, type Endpoint } from 'payload'

import { transition, type WorkflowCollection } from './transition.ts'

/** POST /api/<collection>/:id/workflow {action, reason?}: one step of the sign-off chain. */
export const workflowEndpoint = (collection: WorkflowCollection): Endpoint => ({
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    const id = req.routeParams?.id as string | undefined
    const body = (req.json ? await req.json().catch(() => ({})) : {}) as { action?: string; reason?: string }
    try {
      if (!id) throw new APIError('缺少文档 ID', 400, null, true)
      const doc = await transition(req.payload, { collection, id, action: body.action ?? '', user: req.user, reason: body.reason, req })
      return Response.json({ message: '已更新签发流程', doc: { id: doc.id, workflow: doc.workflow, signoff: (doc as { signoff?: unknown }).signoff } })
    } catch (error) {
      const status = error instanceof APIError ? error.status : (error as { status?: number }).status ?? 500
      const message = error instanceof Error ? error.message : String(error)
      return Response.json({ errors: [{ message: status === 403 && message === 'You are not allowed to perform this action.' ? '请先登录。' : message }] }, { status })
    }
  },
})
