// `npm run restore -- FILE`: brings a backup made by `npm run backup` back into an empty data directory
// (DATA_DIR), after verifying every file against the backup's manifest. Nothing is written on failure.
import path from 'node:path'

import { restoreBackup } from '../cms/backup/archive.ts'
import { sqliteFile, usesSqlite } from '../cms/db.ts'
import { dataDir, mediaDir } from '../cms/lib/paths.ts'

const file = process.argv[2]
if (!file) {
  console.error('用法：npm run restore -- <备份文件.tar.gz>')
  process.exit(2)
}
if (!usesSqlite()) {
  console.error('当前数据库是 MongoDB：请用 mongorestore 恢复数据库（见 npm run backup 的说明）。')
  process.exit(2)
}
try {
  const manifest = await restoreBackup({
    archive: path.resolve(file),
    dbFile: sqliteFile(),
    mediaDir,
    log: (line) => console.log(line),
  })
  console.log(`✔ 已恢复 ${manifest.createdAt} 的备份到 ${dataDir}（${String(manifest.files.length - 1)} 个上传文件）。`)
  console.log('  运行 npm start（或 npm run build:site）即可从恢复的数据生成网站。')
} catch (error) {
  console.error(`✖ 恢复失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
