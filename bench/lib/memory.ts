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

/** `root` and its descendants' pids, or null without /proc. */
const tree = (root: number): number[] | null => {
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
  const out: number[] = []
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    out.push(pid)
    stack.push(...(children.get(pid) ?? []))
  }
  return out
}

const statusField = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(read(`/proc/${String(pid)}/status`) ?? '')?.[1] ?? 0) * 1024

/** Resident memory of `root` and its descendants, in bytes. */
const treeRss = (root: number): number | null => tree(root)?.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0) ?? null

/** Resident memory now and at its peak (bytes) of the descendant of `root` whose command line holds `part`. */
export const processMemory = (root: number, part: string): { rss: number; peak: number } | null => {
  const pid = tree(root)?.find((p) => (read(`/proc/${String(p)}/cmdline`) ?? '').includes(part))
  return pid ? { rss: statusField(pid, 'VmRSS'), peak: statusField(pid, 'VmHWM') } : null
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
