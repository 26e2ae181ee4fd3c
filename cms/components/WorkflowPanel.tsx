'use client'
/**
 * The sign-off panel in a bulletin's or resolution's sidebar: the state, the reason it was sent back,
 * who did what and when, and the buttons the signed-in user's role allows. The server checks every step.
 */
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { ACTIONS, HISTORY_LABELS, type State, STATES } from '../workflow/states.ts'

interface Workflow {
  state?: string
  returnReason?: string | null
  history?: { action: string; userName?: string | null; at: string; reason?: string | null }[]
}

export function WorkflowPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const router = useRouter()
  const [workflow, setWorkflow] = useState<Workflow | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/${collectionSlug}/${String(id)}?draft=true&depth=0`, { credentials: 'include' })
    if (res.ok) setWorkflow(((await res.json()) as { workflow?: Workflow }).workflow ?? {})
  }, [id, collectionSlug])
  useEffect(() => {
    void load()
  }, [load])

  if (!id) return <div className="field-type"><strong>签发流程</strong><p>保存草稿后即可提交审核。</p></div>
  const state = (workflow?.state ?? 'draft') as State
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  const allowed = Object.entries(ACTIONS)
    .filter(([, a]) => (a.from as readonly State[]).includes(state) && a.roles.some((r) => roles.includes(r)))
    .map(([action, a]) => ({ action, label: a.label }))

  const act = async (action: string) => {
    setBusy(true)
    setMessage(null)
    const res = await fetch(`/api/${collectionSlug}/${String(id)}/workflow`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, reason }),
    })
    const body = (await res.json()) as { message?: string; errors?: { message: string }[] }
    setBusy(false)
    if (!res.ok) {
      setMessage({ kind: 'error', text: body.errors?.[0]?.message ?? '操作失败' })
      return
    }
    setReason('')
    setMessage({ kind: 'ok', text: body.message ?? '已更新' })
    await load()
    router.refresh()
  }

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }} aria-labelledby="workflow-title">
      <h3 id="workflow-title" style={{ margin: '0 0 .5rem' }}>签发流程</h3>
      <p>
        当前状态：<strong data-workflow-state={state}>{STATES[state] ?? state}</strong>
      </p>
      {state === 'draft' && workflow?.returnReason && (
        <p role="alert" style={{ border: '2px solid #b00020', padding: '.5rem', borderRadius: 4 }}>
          已退回修改：{workflow.returnReason}
        </p>
      )}
      {allowed.some((a) => a.action === 'return' || a.action === 'sign') && (
        <label style={{ display: 'block', marginBottom: '.5rem' }}>
          {allowed.some((a) => a.action === 'return') ? '退回原因（退回时必填）' : '核签说明（选填；标为“原文照登”的文件须填写照登理由）'}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} style={{ width: '100%' }} />
        </label>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.5rem' }}>
        {allowed.map((a) => (
          <button key={a.action} type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => void act(a.action)}>
            {a.label}
          </button>
        ))}
      </div>
      {allowed.length === 0 && state !== 'signed' && <p style={{ opacity: 0.8 }}>等待{state === 'draft' ? '编辑提交审核' : state === 'review' ? '审核人审核' : '核签人核签'}。</p>}
      {state === 'signed' && <p>已签发，可以发布。修改内容后需要重新走签发流程。</p>}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} style={{ color: message.kind === 'error' ? '#b00020' : undefined }}>
          {message.text}
        </p>
      )}
      {(workflow?.history?.length ?? 0) > 0 && (
        <details>
          <summary>流程记录（{workflow?.history?.length}）</summary>
          <ol style={{ paddingLeft: '1.2rem' }}>
            {workflow?.history?.map((h, i) => (
              <li key={i}>
                {new Date(h.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} {h.userName ?? ''} {HISTORY_LABELS[h.action] ?? h.action}
                {h.reason ? `：${h.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}
