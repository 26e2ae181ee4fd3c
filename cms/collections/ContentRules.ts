import type { CollectionConfig } from 'payload'

import { authenticated } from '../access/authenticated.ts'
import { hasRole } from '../access/hasRole.ts'
import { dayField } from '../fields/dayField.ts'
import { label } from '../fields/label.ts'

/**
 * 内容检查: the expressions every save of a public document is checked for — banned or sensitive
 * expressions, common misspellings, non-standard 提法, and leaders' names with their current titles —
 * each 禁止 (blocks 审核通过 and 核签) or 提醒 (shown, acknowledged by the signer).
 */
export const ContentRules: CollectionConfig = {
  slug: 'content-rules',
  labels: { singular: label('检查规则', 'Content rule'), plural: label('内容检查', 'Content rules') },
  admin: {
    group: label('系统', 'System'),
    useAsTitle: 'text',
    defaultColumns: ['kind', 'text', 'correct', 'severity', 'appliesFrom', 'note'],
    listSearchableFields: ['text', 'correct', 'note'],
    description: label(
      '每次保存政策文件、简报、工作动态和文明典型时，系统都会按此列表检查全文。“禁止”级问题未改正前不能审核通过或核签；“提醒”级问题会显示，并在核签时记录为已确认。领导职务请随任免及时更新。',
      'Checked on every save of a public document.',
    ),
  },
  access: { read: authenticated, create: hasRole('editor'), update: hasRole('editor'), delete: hasRole('editor') },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, label: label('类别', 'Kind'), options: ['禁用表述', '错别字', '不规范提法', '领导职务'].map((v) => ({ label: v, value: v })) },
        { name: 'severity', type: 'select', required: true, defaultValue: '禁止', label: label('级别', 'Severity'), options: ['禁止', '提醒'].map((v) => ({ label: v, value: v })) },
      ],
    },
    { name: 'text', type: 'text', required: true, label: label('查找的表述（领导职务填姓名）', 'Expression (or leader’s name)') },
    { name: 'correct', type: 'text', label: label('正确写法（领导职务填现任职务）', 'Correct form (or current title)') },
    { name: 'note', type: 'text', label: label('依据', 'Source') },
    dayField('appliesFrom', '适用起始日期', 'Applies from', {
      admin: { description: '选填。成文日期早于此日期的文件不按本条检查：某一说法在此之前是当时的通行表述（如 1992 年 8 月 24 日中韩建交前的“南朝鲜”）。' },
    }),
  ],
}
