/** The editorial roles a CMS user can hold. */
export const ROLES = ['admin', 'editor', 'reviewer', 'signer'] as const

/** One editorial role. */
export type Role = (typeof ROLES)[number]

/** Chinese and English names of each role, for the admin UI and error messages. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  editor: { zh: '编辑（编校）', en: 'Editor' },
  reviewer: { zh: '审核', en: 'Reviewer' },
  signer: { zh: '核签', en: 'Signer' },
}

/** Whether a (possibly anonymous) user holds any of the given roles. */
export const userHasRole = (user: unknown, ...roles: Role[]): boolean => {
  if (!user || typeof user !== 'object' || !('roles' in user)) return false
  const held = (user as { roles?: unknown }).roles
  return Array.isArray(held) && held.some((r) => roles.includes(r as Role))
}
