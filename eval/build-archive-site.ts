/**
 * Builds the search evaluation's site: the seed content plus the real archive (eval/archive.ts),
 * imported through the CMS into the database of the environment (DATABASE_URI, DATA_DIR, SITE_DIST — a
 * throwaway one: `npm run eval:search -- --archive` and the browser tests make their own), then a full
 * build with its search index. Prints one line per stage.
 */
import { getCms } from '../cms/lib/getCms.ts'
import { seed } from '../cms/seed/index.ts'
import { publish } from '../publisher/release.ts'
import { importArchive, readArchive } from './archive.ts'

const started = performance.now()
const payload = await getCms()
await seed(payload, { password: process.env.SEED_PASSWORD ?? null })
const docs = readArchive()
await importArchive(payload, docs, (done) => {
  if (done % 12 === 0 || done === docs.length) console.log(`  已导入 ${String(done)}/${String(docs.length)} 篇`)
})
const result = await publish({ mode: 'full', clean: true, log: () => undefined })
if (!result.ok) {
  console.error(`网站生成失败：${result.error}`)
  process.exit(1)
}
console.log(`档案网站已生成：${String(docs.length)} 篇档案文件，${String(result.manifest.pages)} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`)
process.exit(0)
