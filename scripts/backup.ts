// `npm run backup [-- --out FILE]`: one .tar.gz with a consistent snapshot of the SQLite database and
// every uploaded file (safe while the CMS runs). With MongoDB it says what to use instead.
import path from 'node:path'

import { createBackup } from '../cms/backup/archive.ts'
import { databaseUri, sqliteFile, usesSqlite } from '../cms/db.ts'
import { dataDir, mediaDir, rootDir } from '../cms/lib/paths.ts'

if (!usesSqlite()) {
  console.error(`当前数据库是 MongoDB（${databaseUri().replace(/\/\/[^@/]*@/, '//***@')}），本命令只备份内置的 SQLite 数据库。请用 MongoDB 自带的工具：
  mongodump --uri="$DATABASE_URI" --archive=wenming-db.archive.gz --gzip
  tar czf wenming-media.tar.gz -C "${dataDir}" media
恢复：mongorestore --uri="$DATABASE_URI" --archive=wenming-db.archive.gz --gzip --drop，再把 media 解包回 ${dataDir}。`)
  process.exit(2)
}

const outIndex = process.argv.indexOf('--out')
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const archive = path.resolve(outIndex > 0 ? process.argv[outIndex + 1]! : path.join(rootDir, 'backups', `wenming-${stamp}.tar.gz`))
const started = performance.now()
try {
  const manifest = await createBackup({
    dbFile: sqliteFile(),
    mediaDir,
    archive,
    log: (line) => console.log(line),
  })
  const docs = Object.entries(manifest.tables).filter(([t]) => !t.includes('_rels') && !t.startsWith('payload_')).reduce((n, [, c]) => n + c, 0)
  console.log(`✔ 备份完成：${archive}`)
  console.log(`  ${String(manifest.files.length - 1)} 个上传文件，${String(Object.keys(manifest.tables).length)} 张表（内容行 ${String(docs)}），用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`)
  console.log('  恢复：npm run restore -- <备份文件>（恢复到空的数据目录）')
} catch (error) {
  console.error(`✖ 备份失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
