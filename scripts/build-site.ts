/**
 * `npm run build:site`: builds the public site into a new release directory and switches `dist` to it
 * atomically — only after the Astro build, the Pagefind index and precompression all succeeded. A failed
 * build leaves the last good release serving and records the error in `.data/site-build.json`.
 *
 *   node scripts/build-site.ts [--keep 5]
 */
import { buildRelease } from '../site/build/release.ts'
import { readBuildState } from '../site/build/state.ts'

const keepArg = process.argv.indexOf('--keep')
const keep = keepArg > 0 ? Number(process.argv[keepArg + 1]) : 5

const result = await buildRelease({ keep, log: (line) => console.log(line) })
if (result.ok) {
  console.log(`网站已生成并上线：${result.release}（${result.pages} 个页面，用时 ${(result.ms / 1000).toFixed(1)} 秒）`)
  process.exit(0)
} else {
  const state = await readBuildState()
  console.error(`网站生成失败，线上仍是上一个版本（${state.current ?? '无'}）。\n${result.error}`)
  process.exit(1)
}
