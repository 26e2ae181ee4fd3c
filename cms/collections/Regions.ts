import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone.ts'
import { hasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { rebuildOnChange, rebuildOnDelete } from '../hooks/publishToLive.ts'
import { slugField } from '../fields/slug.ts'

/** 镇街: towns and sub-districts (and, for documents of a whole district, the district itself). */
export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: { singular: label('镇街', 'Region'), plural: label('镇街', 'Regions') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'district'], group: label('分类', 'Taxonomy') },
  access: { read: anyone, create: hasRole('editor'), update: hasRole('editor'), delete: hasRole() },
  hooks: { afterChange: [rebuildOnChange], afterDelete: [rebuildOnDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('名称', 'Name') },
    slugField(),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: '镇',
          label: label('类型', 'Kind'),
          options: ['街道', '镇', '区'].map((v) => ({ label: v, value: v })),
        },
        { name: 'district', type: 'text', label: label('所属区', 'District') },
      ],
    },
  ],
}
