/**
 * Peak memory of a process and everything it started (worker threads count in the process; Pagefind's
 * indexers and Astro's compiler are child processes), sampled from /proc every 200 ms. Linux only;
 * elsewhere the peak stays null.
 */
import { readdirSync, readFileSync } from 'node:fs'

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** Resident memory of `root` and its descendants, in bytes. */
const treeRss = (root: number): number | null => {
  const children = new Map<number, number[]>()
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n))
  } catch {
    return null
  }
  for (const pid of pids) {
    // Field 4 of /proc/<pid>/stat is the parent; the command name before it may hold spaces, hence after ')'.
    const ppid = Number(read(`/proc/${pid}/stat`)?.split(') ')[1]?.split(' ')[1])
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)])
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    total += Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${String(pid)}/status`) ?? '')?.[1] ?? 0) * 1024
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Starts sampling; `stop()` returns the highest total seen (bytes), or null where /proc is missing. */
export const peakMemory = (root = process.pid) => {
  let peak: number | null = treeRss(root)
  const timer = setInterval(() => {
    const now = treeRss(root)
    if (now !== null) peak = Math.max(peak ?? 0, now)
  }, 200)
  return { stop: () => (clearInterval(timer), peak) }
}
