'use client'
/**
 * 预览 in the sidebar of every document with a public page: open the draft exactly as the public page will
 * show it, and make a share link (24 hours) for a leader without an account. The edit view's 实时预览
 * (Payload's live preview) shows the same page beside the form and refreshes on every save and autosave.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

export function PreviewPanel() {
  const { collectionSlug, id } = useDocumentInfo()
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id || !collectionSlug) return null
  const share = async () => {
    setBusy(true)
    setError(null)
    const response = await fetch('/api/preview-links/share', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ collection: collectionSlug, id }) }).catch(() => null)
    const body = (await response?.json().catch(() => null)) as { url?: string; expiresAt?: string; errors?: { message: string }[] } | null
    if (response?.ok && body?.url && body.expiresAt) setLink({ url: body.url, expiresAt: body.expiresAt })
    else setError(body?.errors?.[0]?.message ?? '生成失败，请稍后重试。')
    setBusy(false)
  }
  return (
    <section className="field-type preview-panel" aria-labelledby="preview-panel-heading" style={{ marginBottom: '1.5rem' }}>
      <h3 id="preview-panel-heading" style={{ margin: '0 0 0.5rem' }}>预览</h3>
      <p style={{ margin: '0 0 0.5rem' }}>
        <a className="btn btn--style-secondary btn--size-small" href={`/preview/${collectionSlug}/${String(id)}`} target="_blank" rel="noopener">
          按公开页面样式预览草稿（新窗口）
        </a>
      </p>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void share()} disabled={busy}>
        生成分享链接（24小时有效）
      </button>
      {link && (
        <p role="status" style={{ wordBreak: 'break-all' }}>
          分享链接（{new Date(link.expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} 前有效）：
          <br />
          <input readOnly value={link.url} aria-label="分享链接" style={{ width: '100%' }} onFocus={(e) => e.currentTarget.select()} />
          <a href="/admin/collections/preview-links">管理或撤销分享链接</a>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
