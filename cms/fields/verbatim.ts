import type { Field } from 'payload'

import { label } from './label.ts'

/**
 * 原文照登: a historical or quoted document published as it was written. Its editor marks it; the content
 * checks then show what today's rules forbid as 提醒 (cms/checks/run.ts), which the signer confirms with a
 * reason recorded in the sign-off history and the 操作日志 (cms/workflow/transition.ts). The note, when the
 * office writes one, is printed on the page above the text.
 */
export const verbatimFields = (): Field[] => [
  {
    name: 'verbatim',
    type: 'checkbox',
    label: label('原文照登', 'Published as written'),
    admin: {
      position: 'sidebar',
      description: '历史文献或引用的原件按原文刊登：内容检查的“禁止”项改为提醒，核签人须填写照登理由后确认。',
    },
  },
  {
    name: 'verbatimNote',
    type: 'textarea',
    label: label('照登说明（显示在页面上）', 'Note on the page'),
    admin: {
      position: 'sidebar',
      condition: (data) => Boolean(data.verbatim),
      description: '选填。如：本文按1981年原件刊登，个别用语保留当时的写法。',
    },
  },
]
