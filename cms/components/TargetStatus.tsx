/**
 * Dashboard panel 发布目标: each public target's live release, how far behind it is, its last push and
 * error, and the files its guard restored; for admins the public key to install and 全部回退.
 */
import type { ServerProps } from 'payload'

import { behind, readState, type TargetConfig } from '../../publisher/targets/sync.ts'
import { publicKeyPem } from '../../publisher/targets/signing.ts'
import { userHasRole } from '../access/roles.ts'
import { ActionButton } from './ActionButton.tsx'

const KINDS: Record<string, string> = { ssh: 'SSH 网站服务器', s3: '对象存储', folder: '摆渡目录' }
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—')

export async function TargetStatus({ payload, user }: ServerProps) {
  if (!user) return null
  const { docs } = await payload.find({ collection: 'publish-targets' as never, limit: 100, overrideAccess: true, depth: 0 })
  const targets = docs as unknown as TargetConfig[]
  const rows = await Promise.all(targets.map(async (t) => ({ t, state: await readState(t.id), lag: await behind((await readState(t.id)).live) })))
  const admin = userHasRole(user, 'admin')
  return (
    <section aria-labelledby="targets-title" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem 1.25rem', marginBottom: '1.5rem' }}>
      <h2 id="targets-title" style={{ marginTop: 0 }}>发布目标</h2>
      {rows.length === 0 ? (
        <p>尚未配置发布目标：公众网站只由本机提供。{admin && <a href="/admin/collections/publish-targets/create">添加发布目标</a>}</p>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              {['名称', '类型', '线上版本', '落后', '上次推送', '防篡改恢复', '问题'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'left', borderBottom: '1px solid var(--theme-elevation-150)' }}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ t, state, lag }) => (
              <tr key={String(t.id)} data-target={t.name}>
                <th scope="row" style={{ textAlign: 'left' }}>{t.name}{t.enabled ? '' : '（已停用）'}</th>
                <td>{KINDS[t.kind] ?? t.kind}</td>
                <td>{state.live ?? '—'}</td>
                <td>{lag === 0 ? '已同步' : `${String(lag)} 个版本`}</td>
                <td>{time(state.lastPushAt)}</td>
                <td>{state.tamper ? `${String(state.tamper)} 个文件` : '无'}</td>
                <td role={state.lastError ? 'alert' : undefined}>{state.lastError ? state.lastError.slice(0, 300) : '正常'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <>
          <details>
            <summary>发布公钥（安装到每台公网服务器：SSH 目标放在网站根目录下的 release-key.pem，接收端用 --key 指定）</summary>
            <pre style={{ whiteSpace: 'pre-wrap' }}>{publicKeyPem()}</pre>
          </details>
          <ActionButton endpoint="/api/site-rollback" label="全部回退到上一个版本" done="已回退" failed="回退失败" confirm="确定把公众网站和所有发布目标回退到上一个版本吗？" style="secondary" />
        </>
      )}
    </section>
  )
}
