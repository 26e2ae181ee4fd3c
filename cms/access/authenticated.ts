/**
 * Any signed-in CMS user, whatever the role; never an anonymous reader. Typed loosely so it serves both
 * as collection access and as field access (e.g. internal, editorial-only fields).
 */
export const authenticated = ({ req: { user } }: { req: { user?: unknown } }): boolean => Boolean(user)
