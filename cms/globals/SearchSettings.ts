import type { GlobalConfig } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { rebuildOnGlobalChange } from '../hooks/publishToLive.ts'

/**
 * 搜索设置: the synonym list applied when the site's search index is built. A page that contains any
 * of a row's words is also found by every other word of the row (创文 ↔ 创建全国文明城区).
 */
export const SearchSettings: GlobalConfig = {
  slug: 'search-settings',
  label: label('搜索设置', 'Search settings'),
  admin: { group: label('系统', 'System') },
  access: { read: () => true, update: hasRole('editor') },
  hooks: { afterChange: [rebuildOnGlobalChange] },
  fields: [
    {
      name: 'synonyms',
      type: 'array',
      label: label('同义词', 'Synonyms'),
      labels: { singular: label('同义词组', 'Synonym group'), plural: label('同义词', 'Synonyms') },
      admin: {
        description: label(
          '每组填写一个简称和它的全称（可填多个，用顿号或逗号分隔）。网站重新生成后，搜索任一词都能找到包含同组其他词的页面。',
          'A short term and its expansions; after the next site build each finds pages containing the others.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'term', type: 'text', required: true, label: label('简称', 'Term') },
            { name: 'expansions', type: 'text', required: true, label: label('全称（可多个）', 'Expansions') },
          ],
        },
      ],
    },
  ],
}
