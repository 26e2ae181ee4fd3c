import type { Access } from 'payload'

/** Any signed-in CMS user, whatever the role. */
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
