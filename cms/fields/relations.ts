import type { RelationshipField } from 'payload'

import { label } from './label.ts'

// Stored and read as ids (maxDepth 0): the site resolves them against the published policy documents,
// so a link to a withdrawn or unpublished document simply does not appear.

/** The policy documents an article or bulletin reports on. */
export const policiesField = (): RelationshipField => ({
  name: 'policies',
  type: 'relationship',
  relationTo: 'resolutions',
  hasMany: true,
  maxDepth: 0,
  label: label('相关政策文件', 'Related policy documents'),
  admin: {
    position: 'sidebar',
    description: label('本文报道或涉及的政策文件。正文中写到的文号（如门常发〔2021〕23号）会自动关联，无需重复选择。', 'Policy documents this reports on; document numbers in the text are linked automatically.'),
  },
})

/** The policy document a news item explains (政策解读). */
export const interpretsField = (): RelationshipField => ({
  name: 'interprets',
  type: 'relationship',
  relationTo: 'resolutions',
  maxDepth: 0,
  label: label('政策解读', 'Interprets'),
  admin: {
    position: 'sidebar',
    description: label('本文是某一政策文件的解读时选择该文件；政策文件页面将列出“政策解读”。', 'Choose the policy this article explains.'),
  },
})
