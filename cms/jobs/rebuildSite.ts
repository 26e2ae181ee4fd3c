import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload, TaskConfig } from 'payload'

import { rootDir } from '../lib/paths.ts'

export const REBUILD_TASK = 'rebuildSite'

/**
 * Rebuilds the public site in a child process (`scripts/build-site.ts`: a new release, switched in
 * atomically only when complete). Jobs share one concurrency key, so builds never overlap.
 */
export const rebuildSiteTask: TaskConfig<{ input: { reason?: string }; output: { release: string } }> = {
  slug: REBUILD_TASK,
  label: '重新生成公众网站',
  retries: 0,
  concurrency: () => 'site-build',
  inputSchema: [{ name: 'reason', type: 'text' }],
  outputSchema: [{ name: 'release', type: 'text' }],
  handler: async ({ input, req }) => {
    req.payload.logger.info(`重新生成公众网站：${input.reason ?? ''}`)
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(rootDir, 'scripts', 'build-site.ts')], {
        cwd: rootDir,
        env: { ...process.env, WENMING_JOBS: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let log = ''
      child.stdout.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)))
      child.stderr.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)))
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`网站生成失败（退出码 ${String(code)}）：\n${log.slice(-3000)}`))))
    })
    const release = /网站已生成并上线：(\S+)/.exec(output)?.[1] ?? ''
    return { output: { release } }
  },
}

/**
 * Asks for a site rebuild. Rebuilds coalesce: if a rebuild job is already waiting to start, the change
 * will be in it and nothing more is queued; if one is running, exactly one more is queued.
 */
export const requestRebuild = async (payload: Payload, reason: string): Promise<'queued' | 'coalesced'> => {
  const waiting = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: REBUILD_TASK } }, { processing: { equals: false } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (waiting.totalDocs > 0) return 'coalesced'
  await payload.jobs.queue({ task: REBUILD_TASK, input: { reason }, overrideAccess: true } as never)
  return 'queued'
}
