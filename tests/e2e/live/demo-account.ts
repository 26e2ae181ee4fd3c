// Gives the live stack an account with the documented demo password, as the seed of a local trial does
// (nobody can set that password through the API). Run by security-accounts.spec.ts with the live env.
import { getCms } from '../../../cms/lib/getCms.ts'
import { SEED_CONTEXT } from '../../../cms/seed/index.ts'
import { DEFAULT_SEED_PASSWORD } from '../../../cms/seed/password.ts'

const payload = await getCms()
const email = process.argv[2]!
await payload.create({ collection: 'users', data: { email, name: '演示账号', roles: ['editor'], password: DEFAULT_SEED_PASSWORD }, overrideAccess: true, context: SEED_CONTEXT })
process.exit(0)
