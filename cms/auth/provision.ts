import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { DEMO_USERS } from '../seed/index.ts'
import { DEFAULT_SEED_PASSWORD } from '../seed/password.ts'
import { passwordMatches } from './passwordHash.ts'
import { passwordProblem } from './passwordPolicy.ts'

/** A strong password to print once: 20 characters from a 64-letter alphabet (120 bits). */
export const strongPassword = (): string => randomBytes(15).toString('base64url')

type Log = (line: string) => void

/**
 * Makes a served site safe to open: every account still on the documented demo password gets a new
 * strong one, and a site without an admin gets one (ADMIN_EMAIL, default admin@example.com; password
 * ADMIN_PASSWORD or a generated one). Generated passwords are printed once, here, and nowhere else.
 */
export const secureAccounts = async (payload: Payload, log: Log, env: Record<string, string | undefined> = process.env) => {
  // Only the seed can give an account the demo password (the API refuses it), and only to the demo
  // accounts: checking just those keeps every start fast however many editors there are.
  const { docs: demo } = await payload.find({
    collection: 'users',
    where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  for (const user of demo) {
    if (!(await passwordMatches(user as { hash?: unknown; salt?: unknown }, DEFAULT_SEED_PASSWORD))) continue
    const password = strongPassword()
    await payload.update({ collection: 'users', id: user.id, data: { password }, overrideAccess: true })
    log(`⚠ 账号 ${user.email} 仍在使用文档中公开的演示密码，已改为新密码：${password}`)
    log('  （此密码只显示这一次，请立即登录并修改。）')
  }
  const { totalDocs: admins } = await payload.count({ collection: 'users', where: { roles: { contains: 'admin' } }, overrideAccess: true })
  if (admins > 0) return
  const email = env.ADMIN_EMAIL?.trim() || 'admin@example.com'
  const given = env.ADMIN_PASSWORD?.trim()
  if (given) {
    const problem = passwordProblem(given, email)
    if (problem) throw new Error(`ADMIN_PASSWORD 不可用：${problem}`)
  }
  const password = given || strongPassword()
  await payload.create({ collection: 'users', data: { email, name: '管理员', roles: ['admin'], password }, overrideAccess: true })
  log(`▶ 已创建管理员账号 ${email}`)
  if (!given) log(`  初始密码：${password}（只显示这一次，请登录后立即修改。）`)
}
