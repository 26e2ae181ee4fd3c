'use client'
/**
 * 内容检查 in the sidebar, beside the sign-off panel: the findings of the last save (the server runs the
 * checks on every save), 禁止 first, each with where it is, what was found and the suggested form.
 */
import { useFormFields } from '@payloadcms/ui'

import type { Finding } from '../checks/run.ts'

export function ContentChecks() {
  const value = useFormFields(([fields]) => fields.contentChecks?.value) as { checkedAt?: string; findings?: Finding[] } | null | undefined
  const findings = [...(value?.findings ?? [])].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === '禁止' ? -1 : 1))
  const blocking = findings.filter((f) => f.severity === '禁止').length
  return (
    <section className="field-type content-checks" aria-labelledby="content-checks-heading" style={{ marginBottom: '1.5rem' }}>
      <h3 id="content-checks-heading" style={{ margin: '0 0 0.5rem' }}>内容检查</h3>
      {!value ? (
        <p>保存后自动检查错别字、禁用表述、领导职务、失效链接、图片替代文字和空栏目。</p>
      ) : findings.length === 0 ? (
        <p>未发现问题（{new Date(value.checkedAt ?? '').toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）。</p>
      ) : (
        <>
          <p role="status">
            {blocking > 0 ? `${String(blocking)} 处必须改正（改正前不能审核通过、核签或发布）` : '无必须改正的问题'}
            {findings.length > blocking ? `，${String(findings.length - blocking)} 处提醒（核签时记录为已确认）` : ''}。
          </p>
          <ul style={{ paddingLeft: '1.1rem', margin: 0 }}>
            {findings.map((f, i) => (
              <li key={i} style={{ marginBottom: '0.5rem' }}>
                <strong style={{ color: f.severity === '禁止' ? 'var(--theme-error-500)' : 'inherit' }}>【{f.severity}·{f.kind}】</strong>
                {f.where}{f.found ? `：“${f.found}”` : ''}{f.suggestion ? `——${f.suggestion}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
