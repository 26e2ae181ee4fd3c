/** What the audit log records, with the words the admin shows. */
export const AUDIT_ACTIONS = {
  create: '新建',
  update: '修改',
  publish: '发布',
  unpublish: '撤回发布',
  delete: '删除',
  submit: '提交审核',
  pass: '审核通过',
  return: '退回修改',
  sign: '核签',
  import: '导入',
  role: '角色变更',
  publishDate: '更正首次发布时间',
  loginFailed: '登录失败',
  locked: '账号锁定',
  tamper: '网页防篡改',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS
