/**
 * The bench's local site server in a process of its own, as `npm start` and nginx serve the site: not in
 * the bench's process, which also publishes and holds the publisher's heap (~2 GB at 100,000 documents),
 * where a full collection's pause held up the first searches after a build (one cold load 488 ms, the
 * next ones 140–180 ms). Bytes are counted on the server's sockets there (probe.ts, meter) and asked for
 * over IPC.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { Meter } from './probe.ts'

type Reply = { port: number } | { bytes: number } | { reset: true }

export const startSiteProcess = async (siteDir: string) => {
  const child = fork(fileURLToPath(new URL('./site-child.ts', import.meta.url)), [siteDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`网站服务进程已退出（${String(code)}）`))
      child.once('exit', onExit)
      child.once('message', (reply: Reply) => {
        child.off('exit', onExit)
        resolve(reply)
      })
    })
  const { port } = (await next()) as { port: number }
  // One question at a time: the replies come back in order.
  let queue: Promise<unknown> = Promise.resolve()
  const ask = <T extends Reply>(question: 'reset' | 'bytes') => {
    const answer = queue.then(() => {
      const reply = next()
      child.send(question)
      return reply as Promise<T>
    })
    queue = answer.catch(() => undefined)
    return answer
  }
  const meter: Meter = {
    reset: async () => void (await ask('reset')),
    bytes: async () => (await ask<{ bytes: number }>('bytes')).bytes,
  }
  return { base: `http://localhost:${String(port)}`, meter, close: () => child.kill() }
}
