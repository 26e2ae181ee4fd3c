import type { FieldAccess } from 'payload'

/** Field access for internal, editorial-only data: any signed-in CMS user, never an anonymous reader. */
export const editorsOnly: FieldAccess = ({ req: { user } }) => Boolean(user)
