import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownToRichText } from '../../cms/lib/richText.ts'
import { mediaDir } from '../../cms/lib/paths.ts'
import { cms, marker } from './helpers.ts'

const root = path.resolve(import.meta.dirname, '../..')
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })

const rows = (dbFile: string) => {
  const db = new DatabaseSync(dbFile, { readOnly: true })
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]))
  } finally {
    db.close()
  }
}
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()

let payload: Payload
const work = mkdtempSync(path.join(os.tmpdir(), 'wenming-backup-'))
const archive = path.join(work, 'backup.tar.gz')
const target = path.join(work, 'restored')
const targetEnv = { DATA_DIR: target, DATABASE_URI: `file:${path.join(target, 'payload.db')}` }
const sourceDb = process.env.DATABASE_URI!.slice('file:'.length)

beforeAll(async () => {
  payload = await cms()
  // A document with several versions, so versions are part of what must come back.
  const doc = await payload.create({ collection: 'news', data: { title: marker(), slug: `backup-${marker().slice(-10)}`, date: '2022-01-01T12:00:00.000Z', category: '其他', body: await markdownToRichText('第一版'), _status: 'published' }, overrideAccess: true, context: { skipRebuild: true } })
  await payload.update({ collection: 'news', id: doc.id, data: { body: await markdownToRichText('第二版（草稿）') }, draft: true, overrideAccess: true, context: { skipRebuild: true } })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe.skipIf(!sourceDb.startsWith('/'))('backup and restore', () => {
  it('backs up the live database (while this process holds it open) and every upload into one archive', () => {
    const result = run('scripts/backup.ts', ['--out', archive], {})
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('备份完成')
    expect(existsSync(archive)).toBe(true)
    expect(existsSync(`${archive}.partial`)).toBe(false)
  })

  it('restores into an empty data directory: every row and every file comes back identical', () => {
    const result = run('scripts/restore.ts', [archive], targetEnv)
    expect(result.status, result.stderr).toBe(0)
    const before = rows(sourceDb)
    const after = rows(path.join(target, 'payload.db'))
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const table of ['news', '_news_v', 'users', 'media', 'bulletins', '_bulletins_v', 'resolutions', 'figures']) {
      expect(after[table]!.length, table).toBeGreaterThan(0)
    }
    expect(after).toEqual(before)
    const media = mediaDir
    expect(files(path.join(target, 'media'))).toEqual(files(media))
    for (const f of files(media)) expect(readFileSync(path.join(target, 'media', f)).equals(readFileSync(path.join(media, f))), f).toBe(true)
  })

  it('refuses to overwrite a data directory that is not empty', () => {
    const result = run('scripts/restore.ts', [archive], targetEnv)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('数据目录不是空的')
  })

  it('refuses a damaged archive and writes nothing', () => {
    const bytes = readFileSync(archive)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    const damaged = path.join(work, 'damaged.tar.gz')
    writeFileSync(damaged, bytes)
    const empty = path.join(work, 'other')
    const result = run('scripts/restore.ts', [damaged], { DATA_DIR: empty, DATABASE_URI: `file:${path.join(empty, 'payload.db')}` })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/恢复失败/)
    expect(existsSync(path.join(empty, 'payload.db'))).toBe(false)
    expect(existsSync(path.join(empty, 'media'))).toBe(false)
  })

  it('builds the public site from the restored data', () => {
    const result = run('scripts/build-site.ts', [], { ...targetEnv, SITE_DIST: path.join(target, 'dist') })
    expect(result.status, result.stderr.slice(-4000) + result.stdout.slice(-2000)).toBe(0)
    expect(readFileSync(path.join(target, 'dist', 'bulletins', 'mentougou-kuaibao', '673', 'index.html'), 'utf8')).toContain('第673期')
  }, 180_000)

  it('says what to use with MongoDB instead', () => {
    const result = run('scripts/backup.ts', [], { DATABASE_URI: 'mongodb://127.0.0.1:1/none' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('mongodump')
  })
})
