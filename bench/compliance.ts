/**
 * `npm run bench:compliance`: what the inspection-proof checks cost. On a throwaway seeded database:
 * - 内容检查 on real text: each government work report of the archive cut to 20,000 characters, checked
 *   against the starter rules (median and slowest of all reports, rules loaded as a save loads them);
 * - a REST-equivalent write (an editor's update of a news item through the Local API with access checks)
 *   and, measured in the same run, the 操作日志 entry each write adds: p50/p95 of both and the share.
 * Reads are not logged, so the REST read path is unchanged. Prints figures; never fails on a timing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { dataEnv } from '../scripts/lib/data-env.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'wenming-compliance-'))
Object.assign(process.env, dataEnv(dir, { name: 'bench', secret: 'bench-secret', seedPassword: 'bench-password-123', siteUrl: 'http://localhost:4321' }))

const { getCms } = await import('../cms/lib/getCms.ts')
const { seed } = await import('../cms/seed/index.ts')
const { markdownToRichText } = await import('../cms/lib/richText.ts')
const { checkContext } = await import('../cms/checks/context.ts')
const { runChecks } = await import('../cms/checks/run.ts')
const { recordAudit } = await import('../cms/audit/record.ts')
const { readArchive } = await import('../eval/archive.ts')

const payload = await getCms()
await seed(payload, { password: 'bench-password-123' })
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!
const ms = (x: number) => `${x.toFixed(2)} ms`
console.log(`机器：${String(os.cpus().length)} 核 ${os.cpus()[0]?.model ?? ''}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GB，Node ${process.version}，SQLite`)

// 内容检查: every report long enough, cut to 20,000 characters.
const reports = readArchive().filter((d) => d.kind === 'report' && d.text.length >= 20_000)
const checkTimes: number[] = []
let findings = 0
for (const report of reports) {
  const doc = { title: report.title, body: await markdownToRichText(report.text.slice(0, 20_000)) }
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    const found = await runChecks('resolutions', doc, await checkContext(payload))
    checkTimes.push(performance.now() - started)
    if (run === 0) findings += found.length
  }
}
const rules = (await checkContext(payload)).rules.length
console.log(`内容检查：${String(reports.length)} 篇 20,000 字的政府工作报告 × 3 次，${String(rules)} 条规则：中位 ${ms(quantile(checkTimes, 0.5))}，p95 ${ms(quantile(checkTimes, 0.95))}，最慢 ${ms(Math.max(...checkTimes))}（共发现 ${String(findings)} 处）`)

// Writes, and the audit entry each adds.
const editor = (await payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } }, overrideAccess: true })).docs[0]!
const user = { ...editor, collection: 'users' as const }
const news = (await payload.find({ collection: 'news', limit: 1, overrideAccess: true })).docs[0]!
const writes: number[] = []
const audits: number[] = []
for (let i = 0; i < 200; i++) {
  let started = performance.now()
  await payload.update({ collection: 'news', id: news.id, data: { summary: `第${String(i)}次修改` }, user, overrideAccess: false, context: { skipRebuild: true } })
  writes.push(performance.now() - started)
  started = performance.now()
  await recordAudit({ payload, user }, { action: 'update', collection: 'news', docId: news.id, docTitle: news.title })
  audits.push(performance.now() - started)
}
const p95 = quantile(writes, 0.95)
const auditP95 = quantile(audits, 0.95)
console.log(`修改一篇工作动态（含内容检查和一条操作日志）：p50 ${ms(quantile(writes, 0.5))}，p95 ${ms(p95)}`)
console.log(`其中写一条操作日志：p50 ${ms(quantile(audits, 0.5))}，p95 ${ms(auditP95)}，约占写入 p95 的 ${((auditP95 / p95) * 100).toFixed(1)}%（读取不写日志）`)
await payload.destroy()
rmSync(dir, { recursive: true, force: true })
process.exit(0)
