/**
 * The publishing lock (proper-lockfile): one release is written at a time, and pruning happens under the
 * same lock, so it can never delete a release another build is writing. The lock is a directory created
 * atomically; its holder refreshes its time every few seconds, and a lock not refreshed for 15 s (its
 * holder was killed) is taken over, so a crash needs no manual step.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import lockfile from 'proper-lockfile'

import { dataDir } from '../cms/lib/paths.ts'

const STALE_MS = 15_000

export const lockTarget = () => path.join(dataDir, 'releases')

/** Runs `work` holding the lock; waits up to `waitMs` for another holder, then fails with a Chinese message. */
export const withPublishLock = async <T>(work: () => Promise<T>, waitMs = 10 * 60_000): Promise<T> => {
  await mkdir(lockTarget(), { recursive: true })
  let compromised: Error | null = null
  const release = await lockfile
    .lock(lockTarget(), {
      stale: STALE_MS,
      update: 3_000,
      retries: { retries: Math.ceil(waitMs / 1000), factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      realpath: false,
      onCompromised: (error) => {
        compromised = error
      },
    })
    .catch((error: unknown) => {
      throw new Error(`另一个网站发布任务正在进行，等待 ${String(Math.round(waitMs / 1000))} 秒后仍未结束（${error instanceof Error ? error.message : String(error)}）`)
    })
  try {
    const result = await work()
    if (compromised) throw new Error(`发布锁在发布过程中失效（${(compromised as Error).message}）`)
    return result
  } finally {
    await release().catch(() => undefined)
  }
}
