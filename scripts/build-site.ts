/**
 * `npm run build:site`: makes a new release of the public site from the database and switches `dist` to
 * it atomically (publisher/release.ts). By default a full build: pages whose data and templates did not
 * change are reused from the live release, the search partitions are regrouped and the delta folded in.
 *
 *   node scripts/build-site.ts [--fast] [--clean] [--keep 5]
 *     --fast   a fast publish (what a change in the CMS triggers): only the search delta is re-indexed
 *     --clean  ignore the live release: render and index everything
 */
import { publish } from '../publisher/release.ts'
import { readBuildState } from '../publisher/state.ts'

const args = process.argv.slice(2)
const keepArg = args.indexOf('--keep')
const keep = keepArg >= 0 ? Number(args[keepArg + 1]) : 5

const result = await publish({ mode: args.includes('--fast') ? 'fast' : 'full', clean: args.includes('--clean'), keep, log: (line) => console.log(line) })
if (result.ok) {
  const m = result.manifest
  for (const f of m.failures) console.warn(`⚠ ${f.message}`)
  console.log(`网站已生成并上线：${result.release}（${String(m.pages)} 个页面，生成 ${String(result.rendered)} 个、沿用 ${String(result.reused)} 个，用时 ${(m.ms / 1000).toFixed(1)} 秒）`)
  process.exit(0)
} else {
  const state = await readBuildState()
  console.error(`网站生成失败，线上仍是上一个版本（${state.current ?? '无'}）。\n${result.error}`)
  process.exit(1)
}
