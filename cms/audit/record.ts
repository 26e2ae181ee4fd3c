import type { PayloadRequest } from 'payload'

import { clientAddresses } from '../lib/deployment.ts'
import type { AuditAction } from './actions.ts'

export interface AuditEntry {
  action: AuditAction
  collection?: string
  docId?: number | string | null
  docTitle?: string | null
  detail?: string | null
  /** Who, when nobody is signed in (a failed login's e-mail, a scheduled publish). */
  userName?: string
}

/** The title a document is known by in the log. */
export const titleOf = (doc: unknown): string | null => {
  const d = (doc ?? {}) as Record<string, unknown>
  const value = d.title ?? d.name ?? d.email ?? d.alt ?? d.filename
  return typeof value === 'string' ? value : null
}

/**
 * Writes one entry of 操作日志: who, when, what and from which address. Inside the request's transaction
 * when there is one, so a change that fails leaves no entry and a change that succeeds always has one; a
 * failed login has no transaction left (`detached`) and is written on its own.
 */
export const recordAudit = async (
  req: Pick<PayloadRequest, 'payload'> & Partial<Pick<PayloadRequest, 'user' | 'headers'>>,
  entry: AuditEntry,
  detached = false,
): Promise<void> => {
  const user = req.user as { id: number | string; name?: string | null; email?: string | null } | null | undefined
  const addresses = req.headers ? clientAddresses(req.headers) : []
  await req.payload.create({
    collection: 'audit-log',
    data: {
      at: new Date().toISOString(),
      action: entry.action,
      user: user?.id as number | undefined,
      userName: user ? user.name || user.email || String(user.id) : (entry.userName ?? '系统'),
      targetCollection: entry.collection ?? null,
      docId: entry.docId === undefined || entry.docId === null ? null : String(entry.docId),
      // A title is a few dozen characters; a long one must not make the entry (and so the change) fail.
      docTitle: entry.docTitle ? entry.docTitle.slice(0, 500) : null,
      ip: addresses.at(-1) ?? null,
      forwardedFor: addresses.length > 1 ? addresses.join(', ') : null,
      detail: entry.detail ?? null,
    },
    overrideAccess: true,
    ...(detached ? {} : { req: req as PayloadRequest }),
  })
}
