import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const check = (lockFile?: string) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/check-advisories.ts'), ...(lockFile ? ['--lock', lockFile] : [])], { encoding: 'utf8' })

describe('advisory floor', () => {
  it('passes on the committed lockfile', () => {
    const result = check()
    expect(result.status, result.stderr).toBe(0)
  })

  it('fails when the lockfile resolves a package below its floor, nested copies included', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'advisory-'))
    for (const [key, version] of [
      ['node_modules/payload', '3.89.1'],
      ['node_modules/some-tool/node_modules/sharp', '0.34.5'],
    ] as const) {
      const file = path.join(dir, `${key.replaceAll('/', '_')}.json`)
      writeFileSync(file, JSON.stringify({ ...lock, packages: { ...lock.packages, [key]: { version } } }))
      const result = check(file)
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`${key} ${version} 低于安全下限`)
    }
  })
})
