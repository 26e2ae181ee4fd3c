/**
 * A release bundle: one tar file carrying a signed manifest, the parts of its file list and the files a
 * public machine lacks (`manifest.json`, `manifest.sig`, `parts/<sha>.json`, `files/<path>`). The `folder` target writes one per release into a
 * one-way ferry's exchange folder; `npm run receive` applies it on the other side.
 */
import { mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import * as tar from 'tar'

import type { SignedManifest, TargetManifest } from './signing.ts'

export const BUNDLE_SUFFIX = '.wenming-release.tar'

/**
 * A bundle's file name: the time it was written first, so names sort in the order they were sent. Not the
 * release's build time: a rollback sends an older release again, and the receiver, which skips names it
 * has applied, ignored the second bundle of the same release.
 */
export const bundleName = (manifest: TargetManifest) => `${new Date().toISOString().replace(/[-:.]/g, '')}-${manifest.id}${BUNDLE_SUFFIX}`

/**
 * Writes the bundle of `manifest` into `folder`: the signed manifest, the parts of it in `newParts` and the
 * files of `delta` read from `siteDir`. Written under a temporary name and renamed, so a ferry never picks up half a bundle.
 * Returns the bundle's path and size.
 */
export const writeBundle = async (folder: string, siteDir: string, manifest: TargetManifest, signed: SignedManifest, delta: string[], newParts: string[]): Promise<{ file: string; bytes: number }> => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'wenming-bundle-'))
  try {
    await writeFile(path.join(work, 'manifest.json'), signed.bytes)
    await writeFile(path.join(work, 'manifest.sig'), signed.signature)
    await mkdir(path.join(work, 'parts'))
    for (const sha of newParts) await writeFile(path.join(work, 'parts', `${sha}.json`), signed.parts.get(sha)!)
    await symlink(siteDir, path.join(work, 'files'), 'dir')
    const file = path.join(folder, bundleName(manifest))
    const tmp = path.join(folder, `.${path.basename(file)}.partial`)
    await tar.c({ file: tmp, cwd: work, follow: true, portable: true }, ['manifest.json', 'manifest.sig', ...newParts.map((sha) => `parts/${sha}.json`), ...delta.map((rel) => `files/${rel}`)])
    await rename(tmp, file)
    return { file, bytes: (await stat(file)).size }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Unpacks a bundle into a new temporary directory (tar refuses absolute and `..` paths); returns it. */
export const unpackBundle = async (file: string, into: string): Promise<{ dir: string; bytes: Buffer; signature: string }> => {
  const dir = await mkdtemp(path.join(into, 'incoming-'))
  try {
    await tar.x({ file, cwd: dir, strict: true })
    return { dir, bytes: await readFile(path.join(dir, 'manifest.json')), signature: await readFile(path.join(dir, 'manifest.sig'), 'utf8') }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw new Error(`发布包 ${path.basename(file)} 无法解开（不完整或已损坏）：${(error as Error).message}`, { cause: error })
  }
}
