import type { CollectionConfig } from 'payload'

import { hasRole } from '../../access/hasRole.ts'
import { publishedOrAuthenticated } from '../../access/publishedOrAuthenticated.ts'
import { dayField } from '../../fields/dayField.ts'
import { verbatimFields } from '../../fields/verbatim.ts'
import { label } from '../../fields/label.ts'
import { regionField, topicsField } from '../../fields/region.ts'
import { policiesField } from '../../fields/relations.ts'
import { ensureUnique } from '../../hooks/ensureUnique.ts'
import { rebuildOnChange, rebuildOnDelete } from '../../hooks/publishToLive.ts'
import { workflowEndpoint } from '../../workflow/endpoint.ts'
import { workflowField } from '../../workflow/fields.ts'
import { guardWorkflow } from '../../workflow/hooks.ts'
import { fieldHasRole } from '../../access/hasRole.ts'
import { setBulletinTitle } from './setBulletinTitle.ts'

/** 简报·快报: one issue of a bulletin series, laid out in sections of attributed items. */
export const Bulletins: CollectionConfig = {
  slug: 'bulletins',
  labels: { singular: label('简报·快报', 'Bulletin'), plural: label('简报·快报', 'Bulletins') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'series', 'issueNumber', 'date', '_status'],
    listSearchableFields: ['title'],
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
  endpoints: [workflowEndpoint('bulletins')],
  indexes: [{ fields: ['series', 'issueNumber'], unique: true }, { fields: ['_status', 'createdAt'] }, { fields: ['_status', 'date'] }, { fields: ['_status', 'series', 'firstPublishedAt'] }],
  hooks: {
    afterChange: [rebuildOnChange],
    afterDelete: [rebuildOnDelete],
    beforeChange: [
      ensureUnique({
        fields: ['series', 'issueNumber'],
        path: 'issueNumber',
        message: (data, existing) =>
          `第${String(data.issueNumber)}期已存在（${String(existing.title)}），同一刊物的期号不能重复`,
      }),
      setBulletinTitle,
      guardWorkflow,
    ],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: label('标题', 'Title'),
      admin: { readOnly: true, description: label('由刊物名称和期号自动生成', 'Generated from series and issue') },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'series',
          type: 'relationship',
          relationTo: 'bulletin-series',
          required: true,
          index: true,
          label: label('刊物', 'Series'),
        },
        { name: 'issueNumber', type: 'number', required: true, min: 1, label: label('期号（第N期）', 'Issue number') },
        { name: 'totalIssueNumber', type: 'number', min: 1, label: label('总期号（总第N期）', 'Running number') },
        dayField('date', '印发日期', 'Date', { required: true, index: true }),
      ],
    },
    workflowField(),
    ...verbatimFields(),
    regionField(),
    topicsField(),
    policiesField(),
    {
      name: 'sections',
      type: 'array',
      label: label('栏目', 'Sections'),
      labels: { singular: label('栏目', 'Section'), plural: label('栏目', 'Sections') },
      fields: [
        {
          name: 'heading',
          type: 'text',
          label: label('栏目名称', 'Heading'),
          admin: { description: label('如：指挥调度、检查督导、简讯；无栏目时留空', 'e.g. 简讯; empty when none') },
        },
        {
          name: 'items',
          type: 'array',
          label: label('稿件', 'Items'),
          labels: { singular: label('稿件', 'Item'), plural: label('稿件', 'Items') },
          fields: [
            { name: 'title', type: 'text', label: label('标题', 'Title') },
            {
              type: 'row',
              fields: [
                { name: 'category', type: 'text', label: label('类别', 'Category') },
                regionField(),
                { name: 'source', type: 'text', label: label('来源署名', 'Attribution') },
              ],
            },
            { name: 'body', type: 'richText', required: true, label: label('正文', 'Body') },
          ],
        },
      ],
    },
    {
      name: 'signoff',
      type: 'group',
      label: label('签发', 'Sign-off'),
      // Written by the workflow when the issue is signed off; only an admin corrects it (e.g. for imports).
      access: { create: fieldHasRole(), update: fieldHasRole() },
      admin: { description: label('核签时按流程记录自动填写', 'Filled in from the sign-off records') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'editor', type: 'text', label: label('编校/责编', 'Edited by') },
            { name: 'reviewer', type: 'text', label: label('审核/核稿', 'Reviewed by') },
            { name: 'signer', type: 'text', label: label('核签', 'Signed off by') },
          ],
        },
      ],
    },
    {
      name: 'distribution',
      type: 'group',
      label: label('报送范围', 'Distribution'),
      fields: [
        { name: 'reportTo', type: 'textarea', label: label('报', 'Report to') },
        { name: 'sendTo', type: 'textarea', label: label('送', 'Send to') },
        { name: 'issueTo', type: 'textarea', label: label('发', 'Issue to') },
      ],
    },
  ],
}
