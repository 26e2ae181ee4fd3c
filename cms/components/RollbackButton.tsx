'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** 全部回退: switches the site and every publish target back to the previous release (admins only; the endpoint checks). */
export function RollbackButton() {
  const router = useRouter()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <p>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={async () => {
          if (!window.confirm('确定把公众网站和所有发布目标回退到上一个版本吗？')) return
          setBusy(true)
          const res = await fetch('/api/site-rollback', { method: 'POST', credentials: 'include' })
          const body = (await res.json()) as { message?: string; errors?: { message: string }[] }
          setText(res.ok ? (body.message ?? '已回退') : (body.errors?.[0]?.message ?? '回退失败'))
          setBusy(false)
          router.refresh()
        }}
      >
        全部回退到上一个版本
      </button>{' '}
      <span role="status">{text}</span>
    </p>
  )
}
