import { APIError, Forbidden, type Payload, type PayloadRequest } from 'payload'

import { ROLE_LABELS, userHasRole } from '../access/roles.ts'
import { recordAudit, titleOf } from '../audit/record.ts'
import { checkContext } from '../checks/context.ts'
import { blockingSummary, runChecks } from '../checks/run.ts'
import { idOf } from '../lib/ids.ts'
import { ACTIONS, type Action, type State, STATES } from './states.ts'

export type WorkflowCollection = 'bulletins' | 'resolutions'
export const WORKFLOW_COLLECTIONS: WorkflowCollection[] = ['bulletins', 'resolutions']

/** Writes made by the workflow itself carry this context, so the edit guard lets them through. */
export const WORKFLOW_CONTEXT = { workflow: true } as const

interface Actor {
  id: number | string
  name?: string | null
  email?: string | null
  roles?: string[] | null
}

/**
 * Moves a document one step along the sign-off chain, after checking the actor's role and the current
 * state. Records who and when; signing a bulletin writes the three names into its printed sign-off line.
 */
export const transition = async (
  payload: Payload,
  args: { collection: WorkflowCollection; id: number | string; action: string; user: Actor | null | undefined; reason?: string; req?: Partial<PayloadRequest> },
) => {
  const { collection, id, user } = args
  if (!user) throw new Forbidden()
  if (!(args.action in ACTIONS)) throw new APIError(`未知的流程操作“${args.action}”`, 400, null, true)
  const action = args.action as Action
  const step = ACTIONS[action]
  if (!userHasRole(user, ...step.roles)) {
    throw new APIError(`您没有“${step.label}”的权限：此操作只能由${step.roles.map((r) => ROLE_LABELS[r].person).join('或')}执行。`, 403, null, true)
  }
  const doc = await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })
  const from = ((doc.workflow?.state as State | undefined) ?? 'draft') as State
  if (!(step.from as readonly State[]).includes(from)) {
    throw new APIError(`当前状态是“${STATES[from]}”，不能执行“${step.label}”。`, 409, null, true)
  }
  let reason = args.reason?.trim()
  if (action === 'return' && !reason) throw new APIError('退回修改时请填写退回原因。', 400, null, true)
  // The content checks run again on what is passed or signed: a 禁止 finding stops it, and the signer's
  // signature records the 提醒 findings as acknowledged.
  if (action === 'pass' || action === 'sign') {
    const findings = await runChecks(collection, doc as unknown as Record<string, unknown>, await checkContext(payload))
    const blocking = blockingSummary(findings)
    if (blocking.length > 0) {
      throw new APIError(`内容检查发现 ${String(blocking.length)} 处必须改正的问题，不能${step.label}：\n${blocking.join('\n')}`, 409, null, true)
    }
    const reminders = findings.filter((f) => f.severity === '提醒')
    const verbatim = reminders.filter((f) => f.verbatim)
    if (action === 'sign' && verbatim.length > 0 && !reason) {
      throw new APIError(
        `此文件标为“原文照登”，有 ${String(verbatim.length)} 处按现行规范本应改正的内容（${verbatim.map((f) => `“${f.found}”`).join('、')}）。核签时请填写照登理由，理由将记入流程记录和操作日志。`,
        400,
        null,
        true,
      )
    }
    if (action === 'sign' && reminders.length > 0) {
      const acknowledged = `已确认内容检查提醒 ${String(reminders.length)} 处：${reminders.map((f) => `${f.where}“${f.found}”${f.suggestion ? `（${f.suggestion}）` : ''}`).join('；')}`
      reason = reason ? `${reason}\n${acknowledged}` : acknowledged
    }
  }

  const now = new Date().toISOString()
  const userName = user.name || user.email || String(user.id)
  const wf = { ...(doc.workflow ?? {}) } as Record<string, unknown>
  wf.state = step.to
  if (action === 'submit') Object.assign(wf, { submittedBy: user.id, submittedAt: now, returnReason: null, reviewedBy: null, reviewedAt: null, signedBy: null, signedAt: null })
  if (action === 'pass') Object.assign(wf, { reviewedBy: user.id, reviewedAt: now })
  if (action === 'return') Object.assign(wf, { returnReason: reason, reviewedBy: null, reviewedAt: null })
  if (action === 'sign') Object.assign(wf, { signedBy: user.id, signedAt: now })
  for (const key of ['submittedBy', 'reviewedBy', 'signedBy']) wf[key] = idOf(wf[key]) ?? null
  const history: Record<string, unknown>[] = ((doc.workflow?.history ?? []) as Record<string, unknown>[]).map((h) => ({ ...h, user: idOf(h.user) ?? null }))
  history.push({ action, from, to: step.to, user: user.id, userName, at: now, reason: reason ?? null })
  wf.history = history

  const data: Record<string, unknown> = { workflow: wf }
  if (collection === 'bulletins' && action === 'sign') {
    const nameOf = async (userId: unknown) => {
      const uid = idOf(userId)
      if (uid === undefined || uid === null) return null
      const u = await payload.findByID({ collection: 'users', id: uid, depth: 0, overrideAccess: true })
      return u.name
    }
    data.signoff = { editor: await nameOf(wf.submittedBy), reviewer: await nameOf(wf.reviewedBy), signer: userName }
  }
  const updated = await payload.update({
    collection,
    id,
    data: data as never,
    draft: true,
    depth: 0,
    overrideAccess: true,
    context: WORKFLOW_CONTEXT,
  })
  await recordAudit({ payload, user: user as never, headers: args.req?.headers }, { action, collection, docId: id, docTitle: titleOf(doc), detail: reason ?? null }, true)
  return updated
}
