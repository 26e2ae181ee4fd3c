/** The editorial roles a CMS user can hold. */
export const ROLES = ['admin', 'editor', 'reviewer', 'signer'] as const

/** One editorial role. */
export type Role = (typeof ROLES)[number]

/** Chinese and English names of each role for the admin UI, and what to call its holder in messages. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string; person: string }> = {
  admin: { zh: '管理员', en: 'Administrator', person: '管理员' },
  editor: { zh: '编辑（编校）', en: 'Editor', person: '编辑' },
  reviewer: { zh: '审核', en: 'Reviewer', person: '审核人' },
  signer: { zh: '核签', en: 'Signer', person: '核签人' },
}

/** Whether a (possibly anonymous) user holds any of the given roles. */
export const userHasRole = (user: unknown, ...roles: Role[]): boolean => {
  if (!user || typeof user !== 'object' || !('roles' in user)) return false
  const held = (user as { roles?: unknown }).roles
  return Array.isArray(held) && held.some((r) => roles.includes(r as Role))
}
