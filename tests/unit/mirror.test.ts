// The next release's directory made from an old one by the two manifests (publisher/mirror.ts): only
// what differs is touched, and the result holds exactly the live release's files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { sha256 } from '../../publisher/files.ts'
import { mirrorByManifest } from '../../publisher/mirror.ts'

const tree = (root: string, files: Record<string, string>) => {
  const manifest: Record<string, string> = {}
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
    manifest[rel] = sha256(Buffer.from(text))
  }
  return manifest
}
const contents = (root: string) =>
  Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(root, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  )

describe('mirrorByManifest', () => {
  it('makes the old directory hold exactly the live files, touching only what differs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mirror-'))
    const live = path.join(dir, 'live')
    const old = path.join(dir, 'old')
    const liveFiles = tree(live, { 'index.html': '首页 新', 'news/a/index.html': '甲', 'news/c/index.html': '丙 新增', 'about/index.html': '关于' })
    const oldFiles = tree(old, { 'index.html': '首页 旧', 'news/a/index.html': '甲', 'news/d/index.html': '丁 撤下', 'gone/deep/x.html': '旧' })
    const unchanged = statSync(path.join(old, 'news/a/index.html')).ino
    const result = mirrorByManifest(live, old, liveFiles, oldFiles)
    expect(contents(old)).toEqual(contents(live))
    // The equal file stays as it was; the changed one is the live file itself now.
    expect(statSync(path.join(old, 'news/a/index.html')).ino).toBe(unchanged)
    expect(statSync(path.join(old, 'index.html')).ino).toBe(statSync(path.join(live, 'index.html')).ino)
    // Folders a removed page leaves empty are gone.
    expect(readdirSync(old).sort()).toEqual(['about', 'index.html', 'news'])
    expect(readdirSync(path.join(old, 'news')).sort()).toEqual(['a', 'c'])
    expect(result).toEqual({ linked: 3, removed: 3 })
  })
})
