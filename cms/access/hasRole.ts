import type { Access, FieldAccess } from 'payload'

import { type Role, userHasRole } from './roles.ts'

/** Collection access for users holding any of the given roles (admins always pass). */
export const hasRole =
  (...roles: Role[]): Access =>
  ({ req: { user } }) =>
    userHasRole(user, 'admin', ...roles)

/** Field access for users holding any of the given roles (admins always pass). */
export const fieldHasRole =
  (...roles: Role[]): FieldAccess =>
  ({ req: { user } }) =>
    userHasRole(user, 'admin', ...roles)
