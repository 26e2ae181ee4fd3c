/**
 * Dashboard panel: the public site's build state (idle / building / failed with the error tail), the
 * time of the last good build, the queue, and a 重新构建 button for admins.
 */
import type { ServerProps } from 'payload'

import { readBuildState } from '../../publisher/state.ts'
import { userHasRole } from '../access/roles.ts'
import { ActionButton } from './ActionButton.tsx'

const LABELS = { idle: '空闲', building: '正在生成', failed: '上次生成失败' } as const
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—')

export async function BuildStatus({ payload, user }: ServerProps) {
  const state = await readBuildState()
  const queued = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'rebuildSite' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    overrideAccess: true,
  })
  return (
    <section aria-labelledby="site-build-title" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem 1.25rem', marginBottom: '1.5rem' }}>
      <h2 id="site-build-title" style={{ marginTop: 0 }}>公众网站</h2>
      <p>
        状态：<strong data-build-status={state.status}>{LABELS[state.status]}</strong>
        {queued.totalDocs > 0 && `（队列中 ${String(queued.totalDocs)} 个构建任务）`}
      </p>
      <p>上次成功生成：{time(state.lastGoodAt)}{state.lastGoodMs ? `，用时 ${(state.lastGoodMs / 1000).toFixed(1)} 秒` : ''}；线上版本：{state.current ?? '—'}</p>
      {state.status === 'failed' && (
        <div role="alert">
          <p>失败时间：{time(state.failedAt)}。线上仍是上一个成功的版本。错误信息（末尾）：</p>
          <pre style={{ whiteSpace: 'pre-wrap', maxHeight: '16rem', overflow: 'auto' }}>{(state.error ?? '').slice(-2000)}</pre>
        </div>
      )}
      {state.failures.length > 0 && (
        <div role="alert">
          <p>以下内容无法生成页面，线上保留其上一个正确的版本（如有），其他修改和撤下照常上线：</p>
          <ul>
            {state.failures.slice(0, 20).map((f, i) => (
              <li key={i}>{f.message.slice(0, 400)}</li>
            ))}
          </ul>
        </div>
      )}
      {userHasRole(user, 'admin') && <ActionButton endpoint="/api/site-build" label="重新构建" done="已加入构建队列" failed="操作失败" />}
    </section>
  )
}
