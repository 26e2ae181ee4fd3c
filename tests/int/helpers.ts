import type { Payload } from 'payload'

import type { User } from '../../cms/payload-types.ts'
import { getCms } from '../../cms/lib/getCms.ts'
import { seed } from '../../cms/seed/index.ts'

let ready: Promise<Payload> | undefined

/** The Local API on the suite's database, migrated and seeded once per test file. */
export const cms = (): Promise<Payload> => {
  ready ??= (async () => {
    const payload = await getCms()
    await seed(payload, { password: process.env.SEED_PASSWORD ?? 'integration-password' })
    return payload
  })()
  return ready
}

/** The seeded demo account of a role, as the `user` of an access-checked Local API call. */
export const userWithRole = async (payload: Payload, role: 'admin' | 'editor' | 'reviewer' | 'signer'): Promise<User> => {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: `${role}@example.com` } }, overrideAccess: true })
  const user = docs[0]
  if (!user) throw new Error(`demo user ${role} missing`)
  return { ...user, collection: 'users' } as User
}

/** A marker no seed document contains, to find exactly what a test wrote. */
export const marker = (): string => `测试标记-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
