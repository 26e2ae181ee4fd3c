import type { Access } from 'payload'

import { userHasRole } from './roles.ts'

/** Admins see and change every account; everyone else only their own. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (userHasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
