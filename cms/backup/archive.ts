/**
 * Backup and restore of the embedded installation: a consistent snapshot of the SQLite database (its
 * online backup API, safe while the CMS is writing) and the uploaded files, in one .tar.gz with a
 * manifest of SHA-256 sums that a restore verifies before it puts anything in place.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readdirSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { backup, DatabaseSync } from 'node:sqlite'

import * as tar from 'tar'

export const MANIFEST = 'manifest.json'
const DB_NAME = 'payload.db'

export interface Manifest {
  format: 1
  createdAt: string
  database: string
  tables: Record<string, number>
  files: { path: string; bytes: number; sha256: string }[]
}

const sha256 = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })

const filesUnder = async (dir: string): Promise<string[]> =>
  existsSync(dir)
    ? (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
    : []

/** Row counts of every table: printed after a backup and a restore, and compared by the tests. */
export const tableCounts = (dbFile: string): Record<string, number> => {
  const db = new DatabaseSync(dbFile, { readOnly: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    return Object.fromEntries(tables.map(({ name }) => [name, Number((db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n)]))
  } finally {
    db.close()
  }
}

const checkIntegrity = (dbFile: string) => {
  const db = new DatabaseSync(dbFile, { readOnly: true })
  try {
    const result = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }
    if (result.integrity_check !== 'ok') throw new Error(`数据库快照校验失败：${result.integrity_check}`)
  } finally {
    db.close()
  }
}

/** Writes `archive` (.tar.gz) from the live database file and upload folder; returns its manifest. */
export const createBackup = async (args: { dbFile: string; mediaDir: string; archive: string; log?: (line: string) => void }): Promise<Manifest> => {
  const log = args.log ?? (() => undefined)
  if (!existsSync(args.dbFile)) throw new Error(`找不到数据库文件 ${args.dbFile}`)
  await mkdir(path.dirname(args.archive), { recursive: true })
  const work = await mkdtemp(path.join(path.dirname(args.archive), '.backup-'))
  try {
    log('▶ 数据库快照（SQLite 在线备份）…')
    const source = new DatabaseSync(args.dbFile, { timeout: 10_000 })
    try {
      await backup(source, path.join(work, DB_NAME))
    } finally {
      source.close()
    }
    checkIntegrity(path.join(work, DB_NAME))
    log('▶ 上传文件…')
    if (existsSync(args.mediaDir)) await cp(args.mediaDir, path.join(work, 'media'), { recursive: true, preserveTimestamps: true })
    const files = []
    for (const file of [path.join(work, DB_NAME), ...(await filesUnder(path.join(work, 'media')))]) {
      files.push({ path: path.relative(work, file).split(path.sep).join('/'), bytes: (await stat(file)).size, sha256: await sha256(file) })
    }
    const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), database: DB_NAME, tables: tableCounts(path.join(work, DB_NAME)), files }
    await writeFile(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2))
    const partial = `${args.archive}.partial`
    await tar.create({ gzip: true, cwd: work, file: partial, portable: true }, [MANIFEST, ...files.map((f) => f.path)])
    await rename(partial, args.archive)
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
    await rm(`${args.archive}.partial`, { force: true })
  }
}

/** Whether a data directory holds no database and no uploads (what a restore may write into). */
export const isEmptyDataDir = (dbFile: string, mediaDir: string): boolean =>
  !['', '-wal', '-shm'].some((suffix) => existsSync(dbFile + suffix)) && !(existsSync(mediaDir) && readdirSync(mediaDir).length > 0)

/**
 * Restores `archive` into an empty data directory: unpacks beside it, verifies every file's size and
 * SHA-256 and the database's integrity, and only then moves the database and uploads into place.
 * Nothing is written to the target when any check fails.
 */
export const restoreBackup = async (args: { archive: string; dbFile: string; mediaDir: string; log?: (line: string) => void }): Promise<Manifest> => {
  const log = args.log ?? (() => undefined)
  if (!existsSync(args.archive)) throw new Error(`找不到备份文件 ${args.archive}`)
  if (!isEmptyDataDir(args.dbFile, args.mediaDir)) {
    throw new Error(`数据目录不是空的（已有 ${path.basename(args.dbFile)} 或上传文件）。为避免覆盖现有数据，请恢复到一个空的数据目录（设置 DATA_DIR），或先自行移走现有数据。`)
  }
  await mkdir(path.dirname(args.dbFile), { recursive: true })
  const work = await mkdtemp(path.join(path.dirname(args.dbFile), '.restore-'))
  try {
    log('▶ 解包并校验…')
    try {
      await tar.extract({ file: args.archive, cwd: work, strict: true })
    } catch (error) {
      throw new Error(`备份文件无法解包，可能已损坏或不是本系统的备份：${(error as Error).message}`, { cause: error })
    }
    if (!existsSync(path.join(work, MANIFEST))) throw new Error('备份文件缺少 manifest.json，不是本系统的备份。')
    const manifest = JSON.parse(await readFile(path.join(work, MANIFEST), 'utf8')) as Manifest
    if (manifest.format !== 1) throw new Error(`不支持的备份格式 ${String(manifest.format)}`)
    for (const f of manifest.files) {
      const file = path.join(work, f.path)
      if (!file.startsWith(work + path.sep)) throw new Error(`备份中的路径不安全：${f.path}`)
      if (!existsSync(file) || (await stat(file)).size !== f.bytes || (await sha256(file)) !== f.sha256) {
        throw new Error(`备份已损坏：${f.path} 与清单记录不一致。`)
      }
    }
    checkIntegrity(path.join(work, manifest.database))
    log('▶ 放回数据库和上传文件…')
    await rename(path.join(work, manifest.database), args.dbFile)
    if (existsSync(path.join(work, 'media'))) {
      await rm(args.mediaDir, { recursive: true, force: true })
      await rename(path.join(work, 'media'), args.mediaDir)
    }
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
