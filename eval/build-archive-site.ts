/**
 * Builds the search evaluation's site: the seed content plus the real archive (eval/archive.ts),
 * entered and signed through the CMS's sign-off chain into the database of the environment (DATABASE_URI, DATA_DIR, SITE_DIST — a
 * throwaway one: `npm run eval:search -- --archive` and the browser tests make their own), then a full
 * build with its search index. Prints one line per stage.
 */
import { getCms } from '../cms/lib/getCms.ts'
import { seed } from '../cms/seed/index.ts'
import { publish } from '../publisher/release.ts'
import { NUMBERED_DOCUMENTS, importArchive, readArchive } from './archive.ts'

const started = performance.now()
const payload = await getCms()
await seed(payload, { password: process.env.SEED_PASSWORD ?? null })
const docs = readArchive()
const total = docs.length + NUMBERED_DOCUMENTS.length
await importArchive(payload, docs, (done) => {
  if (done % 12 === 0 || done === total) console.log(`  已导入并签发 ${String(done)}/${String(total)} 篇（编校 → 审核 → 核签）`)
})
const result = await publish({ mode: 'full', clean: true, log: () => undefined })
if (!result.ok) {
  console.error(`网站生成失败：${result.error}`)
  process.exit(1)
}
console.log(`档案网站已生成：${String(docs.length)} 篇档案文件，${String(result.manifest.pages)} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`)
process.exit(0)
