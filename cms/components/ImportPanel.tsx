'use client'
/**
 * 导入文档 on the dashboard, in Payload's own controls: a Word/WPS file (.docx, .doc, .wps, .rtf, .odt) dropped,
 * pasted or chosen, or pasted text, becomes a new draft of the right kind (POST /api/imports). The upload
 * shows its progress, then the reading (and, for an old format, the conversion) its own; the editor sees
 * what was recognised, what was not, and a link to the draft. The chosen file is held in React state, so
 * a render of the dashboard never loses it. Everything works by keyboard; results and errors are
 * announced and receive focus.
 */
import { Banner, Button, Dropzone, SelectInput, TextareaInput } from '@payloadcms/ui'
import { useEffect, useId, useRef, useState } from 'react'

import { MAX_IMPORT_BYTES } from '../imports/errors.ts'

type Result = { collection: string; id: number | string; recognised: string[]; unrecognised: string[] }
type Phase = { step: 'idle' } | { step: 'uploading'; percent: number } | { step: 'reading'; converting: boolean }

const EXTENSIONS = ['.docx', '.doc', '.wps', '.rtf', '.odt']
const OLD_FORMATS = /\.(doc|wps|rtf|odt)$/i
const KINDS = [
  { label: '自动判断', value: 'auto' },
  { label: '政策文件', value: 'resolutions' },
  { label: '简报·快报', value: 'bulletins' },
  { label: '工作动态', value: 'news' },
]
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${String(Math.max(1, Math.round(bytes / 1024)))} KB`)

/** Sends the form with upload progress (fetch reports none); resolves with the status and the parsed body. */
const send = (form: FormData, onUpload: (percent: number) => void) =>
  new Promise<{ status: number; body: (Result & { errors?: { message: string }[] }) | null }>((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/imports')
    xhr.withCredentials = true
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(Math.round((100 * e.loaded) / e.total))
    xhr.onload = () => {
      let body = null
      try {
        body = JSON.parse(xhr.responseText) as Result
      } catch {
        // a proxy's HTML error page: the status says enough
      }
      resolve({ status: xhr.status, body })
    }
    xhr.onerror = () => resolve({ status: 0, body: null })
    xhr.send(form)
  })

/**
 * The chosen file outlives the component: Payload may render the dashboard's panels anew (a refresh of
 * the route after sign-in), and a file chosen just before must still be there.
 */
let chosenFile: File | null = null

export function ImportPanel() {
  const [file, setFileState] = useState<File | null>(chosenFile)
  const setFile = (next: File | null) => {
    chosenFile = next
    setFileState(next)
  }
  const [text, setText] = useState('')
  const [kind, setKind] = useState('auto')
  const [phase, setPhase] = useState<Phase>({ step: 'idle' })
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const outcome = useRef<HTMLDivElement>(null)
  const id = useId()
  const busy = phase.step !== 'idle'
  // Set once the panel's script runs: until then its buttons do nothing (the page is server-rendered).
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])

  const choose = (files: FileList | null) => {
    const chosen = files?.[0]
    setResult(null)
    setError(null)
    if (!chosen) return
    if (!EXTENSIONS.some((ext) => chosen.name.toLowerCase().endsWith(ext)))
      setError(`“${chosen.name}”不是 Word/WPS 文档。请选择 .docx、.doc 或 .wps 文件，或直接粘贴文字。`)
    else if (chosen.size > MAX_IMPORT_BYTES) setError(`“${chosen.name}”有 ${size(chosen.size)}，超过 20 MB，无法导入。请删去文中过大的图片后重试。`)
    else setFile(chosen)
    if (input.current) input.current.value = ''
  }
  const announce = () => requestAnimationFrame(() => outcome.current?.focus())

  const submit = async () => {
    if (!file && !text.trim()) {
      setError('请选择一个文件，或粘贴文档的文字。')
      announce()
      return
    }
    setResult(null)
    setError(null)
    const form = new FormData()
    if (file) form.append('file', file)
    else form.append('text', text)
    if (kind !== 'auto') form.append('kind', kind)
    setPhase({ step: 'uploading', percent: 0 })
    const { status, body } = await send(form, (percent) =>
      setPhase(percent >= 100 ? { step: 'reading', converting: Boolean(file && OLD_FORMATS.test(file.name)) } : { step: 'uploading', percent }),
    )
    setPhase({ step: 'idle' })
    if (status === 201 && body) {
      setResult(body)
      setFile(null)
      setText('')
    } else setError(body?.errors?.[0]?.message ?? (status === 0 ? '网络连接中断，文件没有送达。请检查网络后重试。' : '导入失败，请稍后重试。'))
    announce()
  }

  return (
    <section aria-labelledby={`${id}-heading`} data-ready={ready || undefined} style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id={`${id}-heading`}>导入文档</h2>
      <p style={{ maxWidth: '48rem' }}>
        上传 Word/WPS 文档（.docx、.doc、.wps，20 MB
        以内）或粘贴文字，自动识别为政策文件、简报·快报或工作动态的草稿，并识别文号、刊头、主送、落款、版记等公文要素。导入不会发布任何内容。
      </p>
      <div style={{ display: 'grid', gap: 'var(--base)', maxWidth: '48rem' }}>
        <Dropzone onChange={choose} disabled={busy}>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 'calc(var(--base) / 2)', padding: 'calc(var(--base) / 2)' }}>
            {/* The real input stays in the page for assistive technology; the button opens it. */}
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept=".docx,.doc,.wps,.rtf,.odt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword"
              aria-label="Word/WPS 文档"
              style={VISUALLY_HIDDEN}
              tabIndex={-1}
              onChange={(e) => choose(e.target.files)}
            />
            <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={() => input.current?.click()}>
              选择文件…
            </Button>
            <span>{file ? '' : '或把文件拖到这里，也可以粘贴文件'}</span>
            {file && (
              <span role="status" aria-label="已选择的文件">
                已选择：<strong>{file.name}</strong>（{size(file.size)}）
                <Button buttonStyle="subtle" size="small" margin={false} disabled={busy} onClick={() => setFile(null)} aria-label={`移除 ${file.name}`}>
                  移除
                </Button>
              </span>
            )}
          </div>
        </Dropzone>
        <TextareaInput
          path="import-text"
          label="或粘贴文字"
          rows={5}
          value={text}
          readOnly={busy || Boolean(file)}
          description={file ? '已选择文件：将导入文件，不导入这里的文字。' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <SelectInput
          path="import-kind"
          name="import-kind"
          label="文档类型"
          options={KINDS}
          value={kind}
          isClearable={false}
          readOnly={busy}
          onChange={(option) => setKind((Array.isArray(option) ? option[0]?.value : option?.value) as string)}
        />
        <div>
          <Button buttonStyle="primary" size="medium" margin={false} disabled={busy} onClick={() => void submit()}>
            {busy ? '正在导入…' : '导入为草稿'}
          </Button>
        </div>
        {busy && (
          <div role="status" aria-label="导入进度">
            <label htmlFor={`${id}-progress`}>
              {phase.step === 'uploading'
                ? `正在上传：${String(phase.percent)}%`
                : phase.converting
                  ? '正在转换旧格式文档并识别内容（转换可能需要十几秒）…'
                  : '正在识别文档内容…'}
            </label>
            <progress
              id={`${id}-progress`}
              max={100}
              value={phase.step === 'uploading' ? phase.percent : undefined}
              style={{ display: 'block', width: '100%' }}
            />
          </div>
        )}
      </div>
      <div ref={outcome} tabIndex={-1} style={{ outline: 'none', marginTop: 'var(--base)', maxWidth: '48rem' }}>
        {error && (
          <div role="alert">
            <Banner type="error">{error}</Banner>
          </div>
        )}
        {result && (
          <div role="status" aria-label="导入结果">
            <Banner type="success">
              已创建草稿：<a href={`/admin/collections/${result.collection}/${String(result.id)}`}>打开草稿</a>
            </Banner>
            <h3>已识别</h3>
            <ul>
              {result.recognised.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            {result.unrecognised.length > 0 && (
              <>
                <h3>需要核对或补填</h3>
                <ul>
                  {result.unrecognised.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
