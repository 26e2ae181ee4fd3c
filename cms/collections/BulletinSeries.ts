import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone.ts'
import { hasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { rebuildOnChange, rebuildOnDelete } from '../hooks/publishToLive.ts'
import { slugField } from '../fields/slug.ts'

/** 刊物: a bulletin series such as 门头沟区创建全国文明城市工作快报, with its masthead contacts. */
export const BulletinSeries: CollectionConfig = {
  slug: 'bulletin-series',
  labels: { singular: label('刊物', 'Bulletin series'), plural: label('刊物', 'Bulletin series') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'issuer', 'kind'],
    group: label('分类', 'Taxonomy'),
  },
  access: { read: anyone, create: hasRole('editor'), update: hasRole('editor'), delete: hasRole() },
  hooks: { afterChange: [rebuildOnChange], afterDelete: [rebuildOnDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('刊物名称', 'Name') },
    slugField(),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: '工作快报',
      label: label('刊物类型', 'Kind'),
      options: ['工作快报', '情况简报', '其他'].map((v) => ({ label: v, value: v })),
    },
    { name: 'issuer', type: 'text', required: true, label: label('编印单位', 'Issuing office') },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: label('电话', 'Phone') },
        { name: 'fax', type: 'text', label: label('传真', 'Fax') },
        { name: 'email', type: 'email', label: label('电子邮箱', 'E-mail') },
      ],
    },
    { name: 'description', type: 'textarea', label: label('简介', 'Description') },
  ],
}
