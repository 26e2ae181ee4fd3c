import type { Field } from 'payload'

import { authenticated } from '../access/authenticated.ts'
import { fieldHasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { HISTORY_LABELS, STATES } from './states.ts'

const userField = (name: string, zh: string, en: string): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  label: label(zh, en),
  admin: { readOnly: true },
})

/**
 * The sign-off record of a document. Nobody edits it directly (only an admin, for imports): it changes
 * through the workflow endpoint, which checks the role of every step. It is internal: who passed, who
 * sent back and why is never shown to anonymous readers.
 */
export const workflowField = (): Field => ({
  name: 'workflow',
  type: 'group',
  label: label('签发流程', 'Sign-off'),
  admin: { position: 'sidebar', components: { Field: '/components/WorkflowPanel#WorkflowPanel' } },
  access: { read: authenticated, create: fieldHasRole(), update: fieldHasRole() },
  fields: [
    {
      name: 'state',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      label: label('流程状态', 'State'),
      options: Object.entries(STATES).map(([value, zh]) => ({ value, label: zh })),
    },
    { name: 'returnReason', type: 'textarea', label: label('退回原因', 'Reason sent back') },
    userField('submittedBy', '编校（提交人）', 'Submitted by'),
    { name: 'submittedAt', type: 'date', label: label('提交时间', 'Submitted at') },
    userField('reviewedBy', '审核人', 'Reviewed by'),
    { name: 'reviewedAt', type: 'date', label: label('审核时间', 'Reviewed at') },
    userField('signedBy', '核签人', 'Signed by'),
    { name: 'signedAt', type: 'date', label: label('核签时间', 'Signed at') },
    {
      name: 'history',
      type: 'array',
      label: label('流程记录', 'History'),
      fields: [
        {
          name: 'action',
          type: 'select',
          required: true,
          label: label('操作', 'Action'),
          options: Object.entries(HISTORY_LABELS).map(([value, zh]) => ({ value, label: zh })),
        },
        { name: 'from', type: 'text', label: label('原状态', 'From') },
        { name: 'to', type: 'text', label: label('新状态', 'To') },
        userField('user', '操作人', 'By'),
        { name: 'userName', type: 'text', label: label('操作人姓名', 'Name') },
        { name: 'at', type: 'date', required: true, label: label('时间', 'At') },
        { name: 'reason', type: 'textarea', label: label('说明', 'Note') },
      ],
    },
  ],
})
