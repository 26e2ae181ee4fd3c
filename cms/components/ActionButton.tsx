'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

interface Props {
  /** The endpoint the button POSTs to (it checks who may). */
  endpoint: string
  label: string
  /** Said when the endpoint answers without a message of its own. */
  done: string
  failed: string
  /** Asked first, when the action cannot be taken back lightly. */
  confirm?: string
  style?: 'primary' | 'secondary'
}

/** A dashboard button for one admin action (重新构建, 全部回退): POSTs, says what happened, refreshes the panel. */
export function ActionButton({ endpoint, label, done, failed, confirm, style = 'primary' }: Props) {
  const router = useRouter()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <p>
      <button
        type="button"
        className={`btn btn--style-${style} btn--size-small`}
        disabled={busy}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return
          setBusy(true)
          const res = await fetch(endpoint, { method: 'POST', credentials: 'include' })
          const body = (await res.json()) as { message?: string; errors?: { message: string }[] }
          setText(res.ok ? (body.message ?? done) : (body.errors?.[0]?.message ?? failed))
          setBusy(false)
          router.refresh()
        }}
      >
        {label}
      </button>{' '}
      <span role="status">{text}</span>
    </p>
  )
}
