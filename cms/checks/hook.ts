import type { CollectionBeforeChangeHook, Field } from 'payload'

import { authenticated } from '../access/authenticated.ts'
import { label } from '../fields/label.ts'
import { fieldError } from '../lib/errors.ts'
import { checkContext } from './context.ts'
import { blockingSummary, runChecks } from './run.ts'

/** The last check's findings, shown beside the sign-off panel (ContentChecks.tsx); written by the server only. */
export const contentChecksField = (): Field => ({
  name: 'contentChecks',
  type: 'json',
  label: label('内容检查', 'Content checks'),
  // Internal, like the sign-off record: anonymous readers never get it.
  access: { read: authenticated },
  admin: { position: 'sidebar', components: { Field: '/components/ContentChecks#ContentChecks' } },
})

/**
 * Every save runs the checks on the whole document (server-side, so no client can skip them) and
 * stores the findings. A document with a 禁止 finding cannot be published; in the sign-off chain it
 * cannot be passed or signed either (workflow/transition.ts).
 */
export const checkContent: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const doc = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const findings = await runChecks(collection.slug, doc, await checkContext(req.payload))
  data.contentChecks = { checkedAt: new Date().toISOString(), findings }
  const blocking = blockingSummary(findings)
  if (data._status === 'published' && blocking.length > 0 && !req.context.seed) {
    throw fieldError(collection.slug, 'contentChecks', `内容检查发现 ${String(blocking.length)} 处必须改正的问题，改正后才能发布：\n${blocking.join('\n')}`)
  }
  return data
}
