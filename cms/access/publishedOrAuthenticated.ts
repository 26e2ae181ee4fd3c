import type { Access } from 'payload'

/**
 * Signed-in users read everything; anonymous readers get a query that admits published documents
 * only, so a draft can never leak through a crafted `draft=true` or `where` parameter.
 */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
