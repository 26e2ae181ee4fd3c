import type { Role } from '../access/roles.ts'

/** The sign-off chain: 草稿 → 待审核 → 待核签 → 已签发. */
export const STATES = {
  draft: '草稿',
  review: '待审核',
  signoff: '待核签',
  signed: '已签发',
} as const
export type State = keyof typeof STATES

export const ACTIONS = {
  submit: { label: '提交审核', from: ['draft'], to: 'review', roles: ['editor', 'admin'] },
  pass: { label: '审核通过', from: ['review'], to: 'signoff', roles: ['reviewer'] },
  return: { label: '退回修改', from: ['review'], to: 'draft', roles: ['reviewer'] },
  sign: { label: '核签', from: ['signoff'], to: 'signed', roles: ['signer'] },
} as const satisfies Record<string, { label: string; from: readonly State[]; to: State; roles: readonly Role[] }>
export type Action = keyof typeof ACTIONS

/** History entries also record edits that sent a document back and imports of printed originals. */
export const HISTORY_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ACTIONS).map(([k, v]) => [k, v.label])),
  edited: '修改内容（需重新审核）',
  import: '据印发原件导入',
}
