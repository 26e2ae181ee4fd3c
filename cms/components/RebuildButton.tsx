'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** 重新构建: queues a site rebuild (admins only; the endpoint checks). */
export function RebuildButton() {
  const router = useRouter()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <p>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          const res = await fetch('/api/site-build', { method: 'POST', credentials: 'include' })
          const body = (await res.json()) as { message?: string; errors?: { message: string }[] }
          setText(res.ok ? (body.message ?? '已加入构建队列') : (body.errors?.[0]?.message ?? '操作失败'))
          setBusy(false)
          router.refresh()
        }}
      >
        重新构建
      </button>{' '}
      <span role="status">{text}</span>
    </p>
  )
}
