import type { CollectionConfig } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { AUDIT_ACTIONS } from '../audit/actions.ts'
import { auditCsvEndpoint } from '../audit/csv.ts'
import { label } from '../fields/label.ts'

const nobody = () => false

/**
 * 操作日志: who did what to which document, when and from which address. Written only by the server
 * (hooks, the workflow, the login guard); nobody can create, edit or delete an entry through the API or
 * the admin. Admins read, filter and export it (CSV).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: label('操作日志', 'Audit entry'), plural: label('操作日志', 'Audit log') },
  admin: {
    group: label('系统', 'System'),
    useAsTitle: 'docTitle',
    defaultColumns: ['at', 'userName', 'action', 'targetCollection', 'docTitle', 'ip'],
    listSearchableFields: ['docTitle', 'userName', 'detail'],
    description: label('记录每一次新建、修改、签发流程、发布、撤回、删除、角色变更、登录失败和账号锁定。日志不能修改或删除。可导出 CSV：/api/audit-log/export.csv', 'Read-only record of every change.'),
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-at',
  access: { read: hasRole(), create: nobody, update: nobody, delete: nobody },
  endpoints: [auditCsvEndpoint],
  timestamps: false,
  indexes: [{ fields: ['targetCollection', 'docId'] }],
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: label('时间', 'At'), admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm:ss' } } },
    { name: 'action', type: 'select', required: true, index: true, label: label('操作', 'Action'), options: Object.entries(AUDIT_ACTIONS).map(([value, zh]) => ({ value, label: zh })) },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: label('操作人账号', 'User') },
    { name: 'userName', type: 'text', label: label('操作人', 'By') },
    { name: 'targetCollection', type: 'text', index: true, label: label('内容类型', 'Collection') },
    { name: 'docId', type: 'text', label: label('文档 ID', 'Document id') },
    { name: 'docTitle', type: 'text', label: label('文档', 'Document') },
    { name: 'ip', type: 'text', label: label('来源地址', 'Address') },
    { name: 'forwardedFor', type: 'text', label: label('转发链', 'Forwarded for') },
    { name: 'detail', type: 'textarea', label: label('说明', 'Detail') },
  ],
}
