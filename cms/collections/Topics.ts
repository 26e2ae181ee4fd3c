import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone.ts'
import { hasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { rebuildOnChange, rebuildOnDelete } from '../hooks/publishToLive.ts'
import { slugField } from '../fields/slug.ts'

/** 专题: themes that gather documents across collections. */
export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: label('专题', 'Topic'), plural: label('专题', 'Topics') },
  admin: { useAsTitle: 'name', group: label('分类', 'Taxonomy') },
  access: { read: anyone, create: hasRole('editor'), update: hasRole('editor'), delete: hasRole() },
  hooks: { afterChange: [rebuildOnChange], afterDelete: [rebuildOnDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('名称', 'Name') },
    slugField(),
    { name: 'description', type: 'textarea', label: label('说明', 'Description') },
  ],
}
