import type { Endpoint, Where } from 'payload'

import { userHasRole } from '../access/roles.ts'
import { publicError } from '../lib/errors.ts'
import { AUDIT_ACTIONS } from './actions.ts'

const COLUMNS = ['at', 'action', 'userName', 'targetCollection', 'docId', 'docTitle', 'ip', 'forwardedFor', 'detail'] as const
const HEADINGS = ['时间', '操作', '操作人', '内容类型', '文档ID', '文档', '来源地址', '转发链', '说明']

/** A CSV field: quoted, quotes doubled, and a leading = + - @ neutralised (spreadsheet formula injection). */
const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value)
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`
}

/**
 * `GET /api/audit-log/export.csv` (admins): the log as CSV (UTF-8 with BOM, so Excel reads the Chinese),
 * newest first, filtered like the list (`?where[action][equals]=publish`, `?where[at][greater_than]=…`).
 */
export const auditCsvEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) throw publicError('只有管理员可以导出操作日志。', 403)
    const where = ((req.query as { where?: Where } | undefined)?.where ?? {}) as Where
    const rows: string[] = [HEADINGS.map(cell).join(',')]
    for (let page = 1; ; page++) {
      const found = await req.payload.find({ collection: 'audit-log', where, sort: '-at', limit: 1000, page, depth: 0, user: req.user, overrideAccess: false })
      for (const doc of found.docs as unknown as Record<string, unknown>[]) {
        rows.push(COLUMNS.map((c) => cell(c === 'action' ? (AUDIT_ACTIONS[doc.action as keyof typeof AUDIT_ACTIONS] ?? doc.action) : doc[c])).join(','))
      }
      if (!found.hasNextPage) break
    }
    return new Response(`\ufeff${rows.join('\r\n')}\r\n`, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`, 'Cache-Control': 'no-store' },
    })
  },
}
