// `npm run site:rollback`: switches the public site back to the previous complete release.
import { rollback } from '../publisher/release.ts'

try {
  const release = await rollback()
  console.log(`已回退到上一个版本：${release}`)
} catch (error) {
  console.error(`回退失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
