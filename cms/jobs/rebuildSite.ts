import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { readBuildState, writeBuildState } from '../../publisher/state.ts'
import type { PublishMode } from '../../publisher/worker-protocol.ts'
import { publishInWorker } from '../../publisher/worker-client.ts'
import { onTransactionEnd } from '../lib/transactions.ts'

export const REBUILD_TASK = 'rebuildSite'
/** Search pages changed since the last full build after which a full build folds them into the partitions. */
const COMPACT_AFTER = 200

/**
 * Publishes the site through the long-lived publisher process (publisher/worker.ts: a new release,
 * switched in atomically only when complete). A fast publish re-renders what the change affects; a full
 * build also regroups the search partitions (compaction). Jobs share one concurrency key, so publishes
 * never overlap.
 */
export const rebuildSiteTask: TaskConfig<{ input: { reason?: string; mode?: PublishMode }; output: { release: string } }> = {
  slug: REBUILD_TASK,
  label: '发布公众网站',
  retries: 0,
  concurrency: () => 'site-build',
  inputSchema: [
    { name: 'reason', type: 'text' },
    { name: 'mode', type: 'text' },
  ],
  outputSchema: [{ name: 'release', type: 'text' }],
  handler: async ({ input, req }) => {
    const mode: PublishMode = input.mode === 'full' ? 'full' : 'fast'
    req.payload.logger.info(`发布公众网站（${mode === 'full' ? '完整生成' : '快速发布'}）：${input.reason ?? ''}`)
    const summary = await publishInWorker(mode, (line) => req.payload.logger.info(line)).catch(async (error: Error) => {
      // The publisher died mid-release (killed, out of memory): say so on the dashboard instead of "building".
      await writeBuildState({ status: 'failed', error: error.message, failedAt: new Date().toISOString() })
      throw error
    })
    if (!summary.ok) throw new Error(`网站发布失败，线上仍是上一个版本：\n${summary.error.slice(-3000)}`)
    for (const failure of summary.failures) req.payload.logger.warn(failure)
    if (mode === 'fast' && (await readBuildState()).deltaPages > COMPACT_AFTER) await requestRebuild(req, '整理搜索索引（快速发布累积的修改）', 'full')
    return { output: { release: summary.release } }
  },
}

/**
 * Asks for a publish. Requests coalesce: a waiting job covers every change made before it starts, so
 * nothing more is queued when one is waiting (a waiting fast publish is upgraded by asking for a full one).
 * In the CMS server that runs jobs (npm start), the runner is woken as soon as the request's change is
 * committed (the publisher, another process, must see it) instead of at its next once-a-second poll.
 */
export const requestRebuild = async (req: PayloadRequest, reason: string, mode: PublishMode = 'fast'): Promise<'queued' | 'coalesced'> => {
  const { payload } = req
  const waiting = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: REBUILD_TASK } }, { processing: { equals: false } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
    },
    limit: 10,
    depth: 0,
    overrideAccess: true,
  })
  const covered = waiting.docs.some((job) => mode === 'fast' || (job.input as { mode?: PublishMode } | undefined)?.mode === 'full')
  if (!covered) await payload.jobs.queue({ task: REBUILD_TASK, input: { reason, mode }, overrideAccess: true } as never)
  if (process.env.WENMING_JOBS === '1') {
    await onTransactionEnd(req, (committed) => {
      if (!committed) return
      payload.jobs.run({ queue: 'default', limit: 10 }).catch((error: unknown) => payload.logger.error(`发布任务未能立即开始，将由定时任务接手：${String(error)}`))
    })
  }
  return covered ? 'coalesced' : 'queued'
}

/**
 * A publish job left `processing` by a process that died (kill -9, power loss) would hold the jobs'
 * concurrency key forever; on start the job runner marks such jobs failed, so the next change publishes.
 */
export const releaseInterruptedPublishes = async (payload: Payload) => {
  await payload.update({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { processing: { equals: true } }] },
    data: { processing: false, hasError: true, error: { message: '发布进程意外终止，已由下一次发布接替' } },
    overrideAccess: true,
  })
}
