// `npm run seed`: brings the database schema up to date and imports the seed documents (idempotent).
// With --if-empty (as `npm start` runs it) it only seeds a database that has no accounts yet.
import { getCms } from '../cms/lib/getCms.ts'
import { seed } from '../cms/seed/index.ts'
import { seedPassword } from '../cms/seed/password.ts'

try {
  const password = seedPassword()
  const payload = await getCms()
  if (process.argv.includes('--if-empty')) {
    const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
    if (totalDocs > 0) {
      console.log(`数据库已有内容（${totalDocs} 个账号），跳过种子数据导入。`)
      process.exit(0)
    }
  }
  const report = await seed(payload, { password, log: (line) => console.log(line) })
  console.log(`种子数据导入完成：新建 ${report.created} 条，已存在 ${report.existing} 条，用时 ${(report.ms / 1000).toFixed(1)} 秒。`)
  process.exit(0)
} catch (error) {
  console.error(`种子数据导入失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
