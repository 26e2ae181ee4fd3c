import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '../lib/errors.ts'

import { STATES, type State } from './states.ts'

// Bookkeeping only: everything else (title and the printed sign-off line included) is what the public reads.
const IGNORED = new Set(['workflow', '_status', 'updatedAt', 'createdAt', 'id', 'contentChecks', 'firstPublishedAt'])

/** A comparable form of a document's content (relations reduced to ids, bookkeeping fields dropped). */
const contentOf = (doc: Record<string, unknown> | undefined) => {
  const normalise = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normalise)
    if (v && typeof v === 'object') {
      if ('id' in v && 'createdAt' in v) return (v as { id: unknown }).id
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k, x]) => k !== 'id' && x !== undefined && x !== null)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, normalise(x)]),
      )
    }
    return v
  }
  return JSON.stringify(normalise(Object.fromEntries(Object.entries(doc ?? {}).filter(([k]) => !IGNORED.has(k)))))
}

/**
 * Guards the sign-off chain on every write that is not the workflow's own:
 * - a change to the content of a document under review, awaiting sign-off or signed sends it back to
 *   草稿 (what was approved is not what would be published);
 * - publishing is refused unless the document is signed off (已签发).
 */
export const guardWorkflow: CollectionBeforeChangeHook = ({ collection, context, data, operation, originalDoc }) => {
  if (context.workflow || context.seed) return data
  const wf = { ...(originalDoc?.workflow ?? {}), ...(data.workflow ?? {}) } as { state?: State; history?: unknown[] }
  let state: State = operation === 'create' ? 'draft' : (wf.state ?? 'draft')

  if (operation === 'update' && state !== 'draft' && contentOf({ ...originalDoc, ...data }) !== contentOf(originalDoc)) {
    state = 'draft'
    data.workflow = {
      ...wf,
      state,
      history: [...(wf.history ?? []), { action: 'edited', from: originalDoc?.workflow?.state, to: 'draft', at: new Date().toISOString() }],
    }
  }
  if (operation === 'create') data.workflow = { ...(data.workflow ?? {}), state: 'draft' }

  if (data._status === 'published' && state !== 'signed') {
    throw fieldError(collection.slug, 'workflow.state', `尚未核签，不能发布。当前流程状态：${STATES[state]}。请按 编校 → 审核 → 核签 的流程签发后再发布。`)
  }
  return data
}
