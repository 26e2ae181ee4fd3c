import type { CollectionConfig } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { publishedOrAuthenticated } from '../access/publishedOrAuthenticated.ts'
import { dayField } from '../fields/dayField.ts'
import { label } from '../fields/label.ts'
import { rebuildOnChange, rebuildOnDelete } from '../hooks/publishToLive.ts'
import { regionField, topicsField } from '../fields/region.ts'
import { interpretsField, policiesField } from '../fields/relations.ts'
import { slugField } from '../fields/slug.ts'

/** 工作动态: activity news and feature articles, some taken from a bulletin's 简讯. */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: label('工作动态', 'News item'), plural: label('工作动态', 'News') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'region', 'category', '_status'],
    listSearchableFields: ['title', 'summary'],
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
  // 栏目监测: the newest publication of each category and 镇街 column.
  indexes: [{ fields: ['_status', 'createdAt'] }, { fields: ['_status', 'date'] }, { fields: ['_status', 'category', 'firstPublishedAt'] }, { fields: ['_status', 'region', 'firstPublishedAt'] }],
  hooks: { afterChange: [rebuildOnChange], afterDelete: [rebuildOnDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, label: label('标题', 'Title') },
    { name: 'subtitle', type: 'text', label: label('副标题', 'Subtitle') },
    slugField(),
    {
      type: 'row',
      fields: [
        dayField('date', '日期', 'Date', {
          index: true,
          admin: { description: label('原稿未注明日期时可留空', 'May be empty when the source gives none') },
        }),
        {
          name: 'category',
          type: 'select',
          index: true,
          label: label('类别', 'Category'),
          options: ['文明培育', '文明实践', '综合整治', '我为群众办实事', '指挥调度', '检查督导', '专题报道', '其他'].map(
            (v) => ({ label: v, value: v }),
          ),
        },
        { name: 'authors', type: 'text', label: label('作者', 'Authors') },
      ],
    },
    regionField(),
    topicsField(),
    { name: 'summary', type: 'textarea', label: label('摘要', 'Summary') },
    { name: 'cover', type: 'upload', relationTo: 'media', label: label('题图', 'Cover image') },
    {
      name: 'keyFigures',
      type: 'array',
      label: label('数说', 'Key figures'),
      labels: { singular: label('数据', 'Figure'), plural: label('数说', 'Key figures') },
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'value', type: 'text', required: true, label: label('数值', 'Value') },
            { name: 'unit', type: 'text', label: label('单位', 'Unit') },
            { name: 'label', type: 'text', required: true, label: label('说明', 'Label') },
          ],
        },
      ],
    },
    { name: 'body', type: 'richText', required: true, label: label('正文', 'Body') },
    {
      name: 'sourceBulletin',
      type: 'relationship',
      relationTo: 'bulletins',
      label: label('来源简报', 'Source bulletin'),
      admin: { position: 'sidebar' },
    },
    policiesField(),
    interpretsField(),
  ],
}
