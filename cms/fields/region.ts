import type { RelationshipField } from 'payload'

import { label } from './label.ts'

/** The 镇街 (or district) a document belongs to. */
export const regionField = (): RelationshipField => ({
  name: 'region',
  type: 'relationship',
  relationTo: 'regions',
  label: label('镇街', 'Town / sub-district'),
  index: true,
  admin: { position: 'sidebar' },
})

/** The 专题 topics a document is filed under. */
export const topicsField = (): RelationshipField => ({
  name: 'topics',
  type: 'relationship',
  relationTo: 'topics',
  hasMany: true,
  // Ids only: the site looks the names up in the topics it loads, so renaming a topic touches its pages only.
  maxDepth: 0,
  label: label('专题', 'Topics'),
  admin: { position: 'sidebar' },
})
