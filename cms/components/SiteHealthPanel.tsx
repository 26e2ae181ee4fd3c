/**
 * Dashboard panel 栏目监测: each public column's last update against its rule, red when past due or
 * blank, with the inspection veto spelled out. Data: cms/health/siteHealth.ts (also GET /api/site-health).
 */
import type { ServerProps } from 'payload'

import { siteHealth } from '../health/siteHealth.ts'

const STATE = { ok: '正常', 'due-soon': '即将超期', overdue: '已超期', blank: '空白栏目', static: '—' } as const
const RULE = { dynamic: '动态类', policy: '政策类', none: '无要求' } as const
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '从未更新')
const red = 'var(--theme-error-500)'

export async function SiteHealthPanel({ payload, user }: ServerProps) {
  if (!user) return null
  const health = await siteHealth(payload, new Date())
  const problems = health.columns.filter((c) => c.state === 'overdue' || c.state === 'blank')
  return (
    <section className="site-health" aria-labelledby="site-health-heading" style={{ marginBottom: '2rem' }}>
      <h2 id="site-health-heading">栏目监测</h2>
      <p style={{ color: health.veto ? red : 'inherit', fontWeight: health.veto ? 700 : 400 }}>
        {health.veto
          ? `按《政府网站与政务新媒体检查指标》将被单项否决：${String(health.overdue)} 个栏目超期未更新、${String(health.blank)} 个空白栏目${health.columns[0]?.state === 'overdue' ? '，首页超期未更新' : ''}。`
          : problems.length > 0
            ? `${String(problems.length)} 个栏目需要处理（5 个及以上超期或空白栏目将被单项否决）。`
            : '所有栏目均按时更新。'}
      </p>
      <table className="table" style={{ width: '100%' }}>
        <caption className="visually-hidden" style={{ position: 'absolute', left: '-9999px' }}>各栏目更新情况</caption>
        <thead>
          <tr>
            <th scope="col">栏目</th>
            <th scope="col">最近更新</th>
            <th scope="col">要求</th>
            <th scope="col">剩余天数</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {health.columns.map((c) => {
            const bad = c.state === 'overdue' || c.state === 'blank'
            return (
              <tr key={c.path} style={bad ? { color: red, fontWeight: 700 } : undefined}>
                <td>{c.column}</td>
                <td>{c.rule === 'none' ? '—' : day(c.lastUpdate)}</td>
                <td>{c.limitDays ? `${RULE[c.rule]}：${String(c.limitDays)} 天内` : RULE[c.rule]}</td>
                <td>{c.daysLeft === null ? '—' : c.daysLeft < 0 ? `超期 ${String(-c.daysLeft)} 天` : `${String(c.daysLeft)} 天`}</td>
                <td>{STATE[c.state]}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
