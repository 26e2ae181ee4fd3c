// `npm run check:advisories`: fails when package-lock.json resolves a package below its advisory floor
// (security/advisory-floor.json). Runs offline: the registry's audit endpoint is not reachable here.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { rootDir } from '../cms/lib/paths.ts'

interface Floor {
  package: string
  floor: string
  advisory: string
}
interface Accepted {
  package: string
  advisory: string
  fixedIn: string | null
}

const list = JSON.parse(readFileSync(path.join(rootDir, 'security', 'advisory-floor.json'), 'utf8')) as { floors: Floor[]; accepted: Accepted[] }
// `--lock FILE` checks another lockfile (the tests use it to prove the check fails).
const lockArg = process.argv.indexOf('--lock')
const lockFile = lockArg > 0 ? process.argv[lockArg + 1]! : path.join(rootDir, 'package-lock.json')
const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version?: string }> }

/** Compares dotted numeric versions (pre-release tags sort below the release). */
export const compareVersions = (a: string, b: string): number => {
  const parse = (v: string) => {
    const [core, pre] = v.split('-', 2) as [string, string | undefined]
    return { nums: core.split('.').map(Number), pre }
  }
  const x = parse(a)
  const y = parse(b)
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0)
    if (d) return Math.sign(d)
  }
  if (x.pre && !y.pre) return -1
  if (!x.pre && y.pre) return 1
  return 0
}

let failures = 0
for (const f of list.floors) {
  // Every copy the lockfile resolves counts, nested ones included.
  const copies = Object.entries(lock.packages).filter(([key]) => key === `node_modules/${f.package}` || key.endsWith(`/node_modules/${f.package}`))
  if (copies.length === 0) {
    console.error(`✖ ${f.package}: 不在 package-lock.json 中`)
    failures++
  }
  for (const [key, { version }] of copies) {
    if (!version || compareVersions(version, f.floor) < 0) {
      console.error(`✖ ${key} ${version ?? '?'} 低于安全下限 ${f.floor}（${f.advisory}）`)
      failures++
    } else console.log(`✔ ${key} ${version} ≥ ${f.floor}`)
  }
}
for (const a of list.accepted) console.log(`· 已知未修复（已评估，见 security/advisory-floor.json）：${a.package} ${a.advisory}${a.fixedIn ? `，修复版本 ${a.fixedIn}` : ''}`)
if (failures) {
  console.error(`${String(failures)} 个依赖低于安全下限：请升级后再提交。`)
  process.exit(1)
}
