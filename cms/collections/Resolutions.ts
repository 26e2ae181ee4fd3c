import type { CollectionConfig } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { publishedOrAuthenticated } from '../access/publishedOrAuthenticated.ts'
import { dayField } from '../fields/dayField.ts'
import { classified, gongwenFields } from '../fields/gongwen.ts'
import { verbatimFields } from '../fields/verbatim.ts'
import { label } from '../fields/label.ts'
import { regionField, topicsField } from '../fields/region.ts'
import { slugField } from '../fields/slug.ts'
import { ensureUnique } from '../hooks/ensureUnique.ts'
import { rebuildOnChange, rebuildOnDelete } from '../hooks/publishToLive.ts'
import { normalizeDocNumber } from '../lib/docNumber.ts'
import { fieldError } from '../lib/errors.ts'
import { workflowEndpoint } from '../workflow/endpoint.ts'
import { workflowField } from '../workflow/fields.ts'
import { guardWorkflow } from '../workflow/hooks.ts'

/** 政策文件: resolutions, decisions, action plans and notices. */
export const Resolutions: CollectionConfig = {
  slug: 'resolutions',
  labels: { singular: label('政策文件', 'Policy document'), plural: label('政策文件', 'Policy documents') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'docNumber', 'docType', 'issuer', 'adoptedAt', '_status'],
    listSearchableFields: ['title', 'docNumber', 'issuer'],
    group: label('内容', 'Content'),
  },
  access: {
    read: publishedOrAuthenticated,
    create: hasRole('editor'),
    update: hasRole('editor'),
    delete: hasRole(),
    readVersions: hasRole('editor', 'reviewer', 'signer'),
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  // Anonymous lists filter on _status and sort by date: one index serves both (a plain _status index made
  // SQLite sort every published row; REST list p95 at 10,000 documents was 770 ms).
  indexes: [{ fields: ['_status', 'createdAt'] }, { fields: ['_status', 'adoptedAt'] }],
  endpoints: [workflowEndpoint('resolutions')],
  hooks: {
    afterChange: [rebuildOnChange],
    afterDelete: [rebuildOnDelete],
    beforeChange: [
      ensureUnique({
        fields: ['docNumber'],
        path: 'docNumber',
        message: (data, existing) => `文号“${String(data.docNumber)}”已被《${String(existing.title)}》使用，请核对文号`,
      }),
      ({ data, originalDoc }) => {
        const merged = { ...originalDoc, ...data }
        if (data._status === 'published' && !merged.adoptedAt && !merged.publishedAt) {
          throw fieldError('resolutions', 'adoptedAt', '请填写通过/成文日期或发布日期（至少一项）后再发布')
        }
        const secrecy = classified((merged.gongwen as { secrecy?: unknown } | undefined)?.secrecy)
        if (data._status === 'published' && secrecy) {
          throw fieldError('resolutions', 'gongwen.secrecy', `文件标有密级“${secrecy}”，不得在互联网公开发布。确已解密、可以公开的，请删去密级后再发布`)
        }
        return data
      },
      guardWorkflow,
    ],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: label('标题', 'Title') },
    slugField(),
    {
      type: 'row',
      fields: [
        {
          name: 'docType',
          type: 'select',
          required: true,
          defaultValue: '决议',
          label: label('文件类型', 'Document type'),
          options: ['决议', '决定', '行动计划', '实施方案', '方案', '意见', '通知', '报告', '函', '其他'].map((v) => ({ label: v, value: v })),
        },
        {
          name: 'docNumber',
          type: 'text',
          unique: true,
          index: true,
          label: label('文号', 'Document number'),
          admin: { description: label('如：门常发〔2021〕23号；方括号、圆括号写法会自动规范为〔〕', 'e.g. 门常发〔2021〕23号') },
          hooks: {
            beforeValidate: [({ value }) => (typeof value === 'string' && value.trim() ? normalizeDocNumber(value) : null)],
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'issuer', type: 'text', label: label('发文机关', 'Issuing body'), index: true },
        { name: 'meeting', type: 'text', label: label('会议', 'Meeting') },
      ],
    },
    {
      type: 'row',
      fields: [
        dayField('adoptedAt', '通过/成文日期', 'Adopted / signed on'),
        {
          name: 'publishedAt',
          type: 'date',
          label: label('发布日期', 'Published at'),
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'validity',
          type: 'select',
          defaultValue: '现行有效',
          label: label('有效性', 'Validity'),
          options: ['现行有效', '已修订', '已废止'].map((v) => ({ label: v, value: v })),
        },
        { name: 'period', type: 'text', label: label('实施期间', 'Period'), admin: { description: '如：2021—2023年' } },
        { name: 'sourceCategory', type: 'text', label: label('原发布栏目', 'Original category') },
      ],
    },
    workflowField(),
    ...verbatimFields(),
    regionField(),
    topicsField(),
    { name: 'summary', type: 'textarea', label: label('摘要', 'Summary') },
    { name: 'body', type: 'richText', required: true, label: label('正文', 'Body') },
    gongwenFields(),
    {
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: label('附件', 'Attachments'),
    },
  ],
}
