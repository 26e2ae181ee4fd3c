// `npm run seed`: brings the database schema up to date and imports the seed documents (idempotent).
// With --if-empty (as `npm start` runs it) it only seeds a database that has no accounts yet. On a served
// site (see cms/lib/deployment.ts) it creates no demo accounts and makes sure the accounts are safe:
// none on the published demo password, and an admin whose password is printed once.
import { mkdirSync } from 'node:fs'

import { secureAccounts } from '../cms/auth/provision.ts'
import { isPublicDeployment } from '../cms/lib/deployment.ts'
import { getCms } from '../cms/lib/getCms.ts'
import { dataDir } from '../cms/lib/paths.ts'
import { seed } from '../cms/seed/index.ts'
import { seedPassword } from '../cms/seed/password.ts'

const log = (line: string) => console.log(line)

try {
  mkdirSync(dataDir, { recursive: true })
  const password = seedPassword()
  const payload = await getCms()
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (process.argv.includes('--if-empty') && totalDocs > 0) {
    console.log(`数据库已有内容（${totalDocs} 个账号），跳过种子数据导入。`)
  } else {
    const report = await seed(payload, { password, log })
    console.log(`种子数据导入完成：新建 ${report.created} 条，已存在 ${report.existing} 条，用时 ${(report.ms / 1000).toFixed(1)} 秒。`)
  }
  if (isPublicDeployment()) await secureAccounts(payload, log)
  process.exit(0)
} catch (error) {
  console.error(`种子数据导入失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
