import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { afterAll, describe, expect, it } from 'vitest'

import { passwordMatches } from '../../cms/auth/passwordHash.ts'
import { DEFAULT_SEED_PASSWORD } from '../../cms/seed/password.ts'

// What `npm start` does to accounts (it runs scripts/seed.ts --if-empty), on a throwaway database.
const root = path.resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'wenming-provision-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const start = (name: string, env: Record<string, string>) => {
  // A clean deployment environment: nothing of the test runner's own settings leaks in.
  const clean: Record<string, string | undefined> = { ...process.env, SEED_PASSWORD: '', HOST: '', NODE_ENV: '', SERVER_URL: '', SITE_URL: '' }
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/seed.ts'), '--if-empty'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...clean, DATA_DIR: path.join(dir, name), DATABASE_URI: `file:${path.join(dir, name, 'p.db')}`, ...env } as unknown as NodeJS.ProcessEnv,
  })
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
}
const users = (name: string) => {
  const db = new DatabaseSync(path.join(dir, name, 'p.db'), { readOnly: true })
  try {
    return db.prepare('SELECT email, hash, salt FROM users ORDER BY id').all() as { email: string; hash: string; salt: string }[]
  } finally {
    db.close()
  }
}

describe('the first start of a served site', () => {
  it('creates no demo account, and an admin whose strong password is printed once', async () => {
    const out = start('public', { HOST: '0.0.0.0' })
    expect(out).toContain('不创建演示账号')
    const printed = /初始密码：(\S+?)（/.exec(out)?.[1]
    expect(printed).toBeTruthy()
    expect(printed!.length).toBeGreaterThanOrEqual(20)
    const accounts = users('public')
    expect(accounts.map((u) => u.email)).toEqual(['admin@example.com'])
    expect(await passwordMatches(accounts[0]!, printed!)).toBe(true)
    expect(await passwordMatches(accounts[0]!, DEFAULT_SEED_PASSWORD)).toBe(false)
    // Printed once: the next start says nothing of it.
    expect(start('public', { HOST: '0.0.0.0' })).not.toContain('初始密码')
  }, 120_000)

  it('takes the documented demo password away from every account of a local trial that goes public', async () => {
    start('trial', {})
    const trial = users('trial')
    expect(trial).toHaveLength(4)
    for (const u of trial) expect(await passwordMatches(u, DEFAULT_SEED_PASSWORD)).toBe(true)
    const out = start('trial', { SERVER_URL: 'https://cms.example.gov.cn' })
    for (const u of trial) expect(out).toContain(`账号 ${u.email} 仍在使用文档中公开的演示密码，已改为新密码`)
    for (const u of users('trial')) expect(await passwordMatches(u, DEFAULT_SEED_PASSWORD), u.email).toBe(false)
  }, 120_000)
})
