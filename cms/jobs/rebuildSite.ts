import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload, TaskConfig } from 'payload'

import { readBuildState } from '../../publisher/state.ts'
import { rootDir } from '../lib/paths.ts'

export const REBUILD_TASK = 'rebuildSite'
type Mode = 'fast' | 'full'
/** Search pages changed since the last full build after which a full build folds them into the partitions. */
const COMPACT_AFTER = 200

/**
 * Publishes the site in a child process (`scripts/build-site.ts`: a new release, switched in atomically
 * only when complete). A fast publish re-renders what the change affects; a full build also regroups the
 * search partitions (compaction). Jobs share one concurrency key, so publishes never overlap.
 */
export const rebuildSiteTask: TaskConfig<{ input: { reason?: string; mode?: Mode }; output: { release: string } }> = {
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
    const mode: Mode = input.mode === 'full' ? 'full' : 'fast'
    req.payload.logger.info(`发布公众网站（${mode === 'full' ? '完整生成' : '快速发布'}）：${input.reason ?? ''}`)
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(rootDir, 'scripts', 'build-site.ts'), ...(mode === 'fast' ? ['--fast'] : [])], {
        cwd: rootDir,
        env: { ...process.env, WENMING_JOBS: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let log = ''
      child.stdout.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)))
      child.stderr.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)))
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`网站发布失败（退出码 ${String(code)}）：\n${log.slice(-3000)}`))))
    })
    if (mode === 'fast' && (await readBuildState()).deltaPages > COMPACT_AFTER) await requestRebuild(req.payload, '整理搜索索引（快速发布累积的修改）', 'full')
    const release = /网站已生成并上线：(\S+)/.exec(output)?.[1] ?? ''
    return { output: { release } }
  },
}

/**
 * Asks for a publish. Requests coalesce: a waiting job covers every change made before it starts, so
 * nothing more is queued when one is waiting (a waiting fast publish is upgraded by asking for a full one).
 */
export const requestRebuild = async (payload: Payload, reason: string, mode: Mode = 'fast'): Promise<'queued' | 'coalesced'> => {
  const waiting = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: REBUILD_TASK } }, { processing: { equals: false } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
    },
    limit: 10,
    depth: 0,
    overrideAccess: true,
  })
  const covered = waiting.docs.some((job) => mode === 'fast' || (job.input as { mode?: Mode } | undefined)?.mode === 'full')
  if (covered) return 'coalesced'
  await payload.jobs.queue({ task: REBUILD_TASK, input: { reason, mode }, overrideAccess: true } as never)
  return 'queued'
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
