'use client'
/**
 * 导入文档 on the dashboard: a Word/WPS .docx or pasted text becomes a new draft of the right kind
 * (POST /api/imports); the editor sees what was recognised, what was not, and a link to the draft.
 */
import { useState } from 'react'

type Result = { collection: string; id: number | string; recognised: string[]; unrecognised: string[] }

export function ImportPanel() {
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setResult(null)
    const form = new FormData(event.currentTarget)
    if (!(form.get('file') as File | null)?.size) form.delete('file')
    const response = await fetch('/api/imports', { method: 'POST', body: form, credentials: 'include' }).catch(() => null)
    const body = (await response?.json().catch(() => null)) as (Result & { errors?: { message: string }[] }) | null
    if (response?.status === 201 && body) setResult(body)
    else setError(body?.errors?.[0]?.message ?? '导入失败，请稍后重试。')
    setBusy(false)
  }
  return (
    <section aria-labelledby="import-heading" style={{ marginBottom: '2rem' }}>
      <h2 id="import-heading">导入文档</h2>
      <p>上传 Word/WPS 文档（.docx，20 MB 以内）或粘贴文字，自动识别为政策文件、简报·快报或工作动态的草稿。导入不会发布任何内容。</p>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: '0.75rem', maxWidth: '40rem' }}>
        <label>
          Word/WPS 文档（.docx）
          <br />
          <input type="file" name="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
        </label>
        <label>
          或粘贴文字
          <textarea name="text" rows={5} style={{ width: '100%' }} />
        </label>
        <label>
          文档类型
          <select name="kind" defaultValue="">
            <option value="">自动判断</option>
            <option value="resolutions">政策文件</option>
            <option value="bulletins">简报·快报</option>
            <option value="news">工作动态</option>
          </select>
        </label>
        <button type="submit" className="btn btn--style-primary" disabled={busy} style={{ justifySelf: 'start' }}>
          {busy ? '正在导入…' : '导入为草稿'}
        </button>
      </form>
      {error && <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{error}</p>}
      {result && (
        <div role="status">
          <p>
            已创建草稿：<a href={`/admin/collections/${result.collection}/${String(result.id)}`}>打开草稿</a>
          </p>
          <h3>已识别</h3>
          <ul>{result.recognised.map((r, i) => <li key={i}>{r}</li>)}</ul>
          {result.unrecognised.length > 0 && (
            <>
              <h3>需要核对或补填</h3>
              <ul>{result.unrecognised.map((r, i) => <li key={i}>{r}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </section>
  )
}
