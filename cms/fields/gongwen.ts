import type { Field } from 'payload'

import { authenticated } from '../access/authenticated.ts'
import { dayField } from './dayField.ts'
import { label } from './label.ts'

/**
 * The parts of a 公文 that GB/T 9704-2012 (党政机关公文格式) places around the text: the 版头's 份号, 密级 and
 * 紧急程度 and an upward document's 签发人; the 主送机关 above the text; 附件说明, 附注 and the 落款 after it (the
 * 成文日期 is the document's 通过/成文日期); the 版记's 抄送机关, 印发机关 and 印发日期. The importer reads them
 * from the original; the public page prints the 主送, 附件, 落款, 附注 and 版记 as the paper does, and never
 * the 份号, 密级 or 紧急程度, which are the office's own.
 */
export const gongwenFields = (): Field => ({
  name: 'gongwen',
  type: 'group',
  label: label('公文要素（GB/T 9704）', 'Document parts (GB/T 9704)'),
  admin: {
    description: '从原件导入时自动识别，也可手工填写。份号、密级、紧急程度和签发人只在后台保存，不在网站和公开接口中显示。',
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'copyNumber',
          access: { read: authenticated },
          type: 'text',
          label: label('份号', 'Copy number'),
        },
        {
          name: 'secrecy',
          access: { read: authenticated },
          type: 'text',
          label: label('密级和保密期限', 'Classification'),
          admin: { description: '标有密级的文件不能公开发布。' },
        },
        { name: 'urgency', access: { read: authenticated }, type: 'text', label: label('紧急程度', 'Urgency') },
        { name: 'signedBy', access: { read: authenticated }, type: 'text', label: label('签发人', 'Signed by') },
      ],
    },
    {
      name: 'mainRecipients',
      type: 'textarea',
      label: label('主送机关', 'Addressed to'),
    },
    {
      name: 'attachmentNotes',
      type: 'textarea',
      label: label('附件说明', 'Attachments listed'),
      admin: { description: '每行一个附件名称，按顺序。' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'signatory',
          type: 'text',
          label: label('落款（发文机关署名）', 'Signatory'),
        },
        {
          name: 'note',
          type: 'text',
          label: label('附注', 'Note'),
          admin: { description: '如：此件公开发布' },
        },
      ],
    },
    { name: 'copyTo', type: 'textarea', label: label('抄送机关', 'Copies to') },
    {
      type: 'row',
      fields: [
        {
          name: 'printedBy',
          type: 'text',
          label: label('印发机关', 'Printed by'),
        },
        dayField('printedAt', '印发日期', 'Printed on'),
      ],
    },
  ],
})

/** A 密级 that forbids publication: anything but nothing or 公开. */
export const classified = (secrecy: unknown): string | null => {
  const value = typeof secrecy === 'string' ? secrecy.trim() : ''
  return value && value !== '公开' ? value : null
}
