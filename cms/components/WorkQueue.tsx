/**
 * Dashboard panel 待办: what waits for the signed-in person, newest first, with counts and links —
 * 待审核 for reviewers, 待核签 for signers, 退回修改 and drafts for editors, scheduled publishing for
 * everyone. Workflow states are read from the latest versions (a draft on top of a published document
 * counts too).
 */
import type { Payload, ServerProps, Where } from 'payload'

import { userHasRole } from '../access/roles.ts'

type Slug = 'bulletins' | 'resolutions' | 'news' | 'figures'
const KIND: Record<Slug, string> = { bulletins: '简报', resolutions: '政策文件', news: '工作动态', figures: '文明典型' }
const SHOWN = 8

interface Item {
  href: string
  title: string
  kind: string
  at: string
  note?: string
}

const find = async (payload: Payload, collections: Slug[], where: Where): Promise<{ total: number; items: Item[] }> => {
  let total = 0
  const items: Item[] = []
  for (const collection of collections) {
    const found = await payload.find({ collection, where, draft: true, sort: '-updatedAt', limit: SHOWN, depth: 0, overrideAccess: true })
    total += found.totalDocs
    for (const doc of found.docs as { id: number; title?: string; name?: string; updatedAt: string; workflow?: { returnReason?: string | null } }[]) {
      items.push({ href: `/admin/collections/${collection}/${String(doc.id)}`, title: doc.title ?? doc.name ?? String(doc.id), kind: KIND[collection], at: doc.updatedAt, note: doc.workflow?.returnReason ?? undefined })
    }
  }
  return { total, items: items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, SHOWN) }
}

const scheduled = async (payload: Payload): Promise<{ total: number; items: Item[] }> => {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    sort: 'waitUntil',
    limit: SHOWN,
    depth: 0,
    overrideAccess: true,
  })
  const items: Item[] = []
  for (const job of jobs.docs as { waitUntil?: string | null; input?: { doc?: { relationTo: string; value: string }; type?: string } }[]) {
    const ref = job.input?.doc
    if (!ref || !(ref.relationTo in KIND)) continue
    const doc = (await payload.findByID({ collection: ref.relationTo as Slug, id: ref.value, draft: true, depth: 0, overrideAccess: true, disableErrors: true })) as { title?: string; name?: string } | null
    items.push({ href: `/admin/collections/${ref.relationTo}/${ref.value}`, title: doc?.title ?? doc?.name ?? ref.value, kind: KIND[ref.relationTo as Slug], at: job.waitUntil ?? '', note: job.input?.type === 'unpublish' ? '定时撤回' : '定时发布' })
  }
  return { total: jobs.totalDocs, items }
}

const time = (iso: string) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }) : '')

export async function WorkQueue({ payload, user }: ServerProps) {
  if (!user) return null
  const workflow: Slug[] = ['bulletins', 'resolutions']
  const groups: { title: string; empty: string; list: { total: number; items: Item[] } }[] = []
  if (userHasRole(user, 'reviewer', 'admin')) groups.push({ title: '待审核', empty: '没有等待审核的稿件。', list: await find(payload, workflow, { 'workflow.state': { equals: 'review' } }) })
  if (userHasRole(user, 'signer', 'admin')) groups.push({ title: '待核签', empty: '没有等待核签的稿件。', list: await find(payload, workflow, { 'workflow.state': { equals: 'signoff' } }) })
  if (userHasRole(user, 'editor', 'admin')) {
    groups.push({ title: '退回修改', empty: '没有被退回的稿件。', list: await find(payload, workflow, { and: [{ 'workflow.state': { equals: 'draft' } }, { 'workflow.returnReason': { exists: true } }, { 'workflow.returnReason': { not_equals: '' } }] }) })
    groups.push({ title: '草稿', empty: '没有未发布的草稿。', list: await find(payload, [...workflow, 'news', 'figures'], { _status: { equals: 'draft' } }) })
  }
  groups.push({ title: '定时发布', empty: '没有定时发布或撤回的安排。', list: await scheduled(payload) })
  return (
    <section className="work-queue" aria-labelledby="work-queue-heading" style={{ marginBottom: '2rem' }}>
      <h2 id="work-queue-heading">我的待办</h2>
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' }}>
        {groups.map((g) => (
          <section key={g.title} aria-label={`${g.title}（${String(g.list.total)}）`} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: '4px', padding: '0.75rem 1rem' }}>
            <h3 style={{ margin: '0 0 0.5rem' }}>
              {g.title} <span>（{g.list.total}）</span>
            </h3>
            {g.list.items.length === 0 ? (
              <p>{g.empty}</p>
            ) : (
              <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                {g.list.items.map((item) => (
                  <li key={item.href} style={{ marginBottom: '0.4rem' }}>
                    <a href={item.href}>{item.title}</a>
                    <br />
                    <small>{[item.kind, item.note, time(item.at)].filter(Boolean).join(' · ')}</small>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  )
}
