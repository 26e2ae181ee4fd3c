/**
 * Signed releases. What a public target receives is described by a release manifest (every file with its
 * SHA-256), signed with the CMS's Ed25519 key (Node's crypto). The key is made on first use and kept in
 * the data directory; its public half is installed on every public machine, which refuses anything the
 * key did not sign.
 *
 * The file list of a large archive is megabytes, and most of it is the same release after release, so it
 * travels in parts: the list, in path order, is cut after each file whose path hashes to a multiple of
 * 128 (about 128 files a part; a part's ends depend only on the paths near it, so an unchanged stretch of
 * the site makes the same part every time). What is signed is the root: the release id, its file count
 * and the SHA-256 of each part in order. A target keeps the parts it has (`manifests/parts/<sha>.json`)
 * and is sent only the ones it lacks: a publish ships a few kilobytes of manifest, not the whole list.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { dataDir } from '../../cms/lib/paths.ts'
import { sha256 } from '../files.ts'

/** What a target holds of one release: its files and their hashes, signed. */
export interface TargetManifest {
  /** The release id (also its directory name on the target). */
  id: string
  builtAt: string
  /** Every file of the site, path → SHA-256 (hex). */
  files: Record<string, string>
}

const keyFile = () => path.join(dataDir, 'release-signing-key.pem')

/** The signing key, made (and kept, readable by this user only) on first use. */
export const signingKey = (): KeyObject => {
  const file = keyFile()
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    const { privateKey } = generateKeyPairSync('ed25519')
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return createPrivateKey(readFileSync(file))
}

/** The public half, in PEM: what an admin installs on each public machine (`--key`). */
export const publicKeyPem = (): string => createPublicKey(signingKey()).export({ type: 'spki', format: 'pem' }).toString()

/** What is signed: the release, how many files it has and the hash of each part of its file list, in order. */
interface SignedRoot {
  id: string
  builtAt: string
  count: number
  parts: string[]
}

/** A manifest as it travels: the root's bytes, their signature (base64), and every part's bytes by its hash. */
export interface SignedManifest {
  bytes: Buffer
  signature: string
  parts: Map<string, Buffer>
}

/** FNV-1a of a path: where the file list is cut (stable, cheap; only the CMS cuts, targets check hashes). */
const pathHash = (rel: string) => {
  let h = 0x811c9dc5
  for (let i = 0; i < rel.length; i++) h = Math.imul(h ^ rel.charCodeAt(i), 0x01000193)
  return h >>> 0
}
const CUT_MASK = 127
const MAX_PART = 1024

/** The file list cut into parts (`[[path, sha256], …]` as JSON), in order: their hashes and bytes. */
export const manifestParts = (files: Record<string, string>): Map<string, Buffer> => {
  const parts = new Map<string, Buffer>()
  let part: [string, string][] = []
  const close = () => {
    const bytes = Buffer.from(JSON.stringify(part))
    parts.set(sha256(bytes), bytes)
    part = []
  }
  for (const rel of Object.keys(files).sort()) {
    part.push([rel, files[rel]!])
    if ((pathHash(rel) & CUT_MASK) === 0 || part.length >= MAX_PART) close()
  }
  if (part.length) close()
  return parts
}

/** Signs a manifest: the root's bytes are what is verified, never a re-serialisation. */
export const signManifest = (manifest: TargetManifest, key: KeyObject = signingKey()): SignedManifest => {
  const parts = manifestParts(manifest.files)
  const root: SignedRoot = { id: manifest.id, builtAt: manifest.builtAt, count: Object.keys(manifest.files).length, parts: [...parts.keys()] }
  const bytes = Buffer.from(JSON.stringify(root))
  return { bytes, signature: sign(null, bytes, key).toString('base64'), parts }
}

/** A part of the file list the target does not have (yet): an earlier delivery will bring it. */
export class MissingPart extends Error {}

/** Reads a public key file (PEM) as given to `--key`, with a Chinese error naming it. */
export const readPublicKey = (file: string): KeyObject => {
  try {
    return createPublicKey(readFileSync(file))
  } catch (error) {
    throw new Error(`无法读取发布公钥 ${file}：${(error as Error).message}`, { cause: error })
  }
}

/**
 * Parts already checked (their hash, their paths), by hash, for a caller that verifies manifest after
 * manifest (the receiver): a part is known by its content, so only the parts a release brings new are
 * read, hashed and parsed (each release names some 270 parts at 10,000 documents, a few of them new).
 */
export type CheckedParts = Map<string, [string, string][]>
const CHECKED_PARTS_LIMIT = 50_000

/** A part's entries from its bytes, once its hash is the one named and every path in it is safe; throws otherwise. */
const checkedPart = (sha: string, part: Buffer, checked?: CheckedParts): [string, string][] => {
  if (sha256(part) !== sha) throw new Error(`发布清单的分段 ${sha.slice(0, 12)} 校验失败（传输中损坏或被改动），已拒绝。`)
  const entries = JSON.parse(part.toString('utf8')) as [string, string][]
  for (const [rel] of entries) if (!safeRelative(rel)) throw new Error(`发布清单含有不安全的路径“${rel}”，已拒绝。`)
  if (checked) {
    if (checked.size >= CHECKED_PARTS_LIMIT) checked.clear()
    checked.set(sha, entries)
  }
  return entries
}

/**
 * The manifest whose root is `bytes`, if `signature` is the key's signature of exactly those bytes and every
 * part `partOf` gives has the hash the root names; throws otherwise (MissingPart when a part is not there).
 * Parts in `checked` are not asked for again; those checked now are added to it.
 */
export const verifiedManifest = async (bytes: Buffer, signature: string, key: KeyObject, partOf: (sha: string) => Promise<Buffer | null>, checked?: CheckedParts): Promise<TargetManifest> => {
  if (!verify(null, bytes, key, Buffer.from(signature.trim(), 'base64'))) throw new Error('发布清单的签名无效（不是本站内容管理系统签发的，或在传输中被改动），已拒绝。')
  const root = JSON.parse(bytes.toString('utf8')) as SignedRoot
  if (!/^[\w.-]+$/.test(root.id) || !Array.isArray(root.parts) || !root.parts.every((sha) => /^[0-9a-f]{64}$/.test(sha))) throw new Error('发布清单格式不正确，已拒绝。')
  const files: Record<string, string> = {}
  for (const sha of root.parts) {
    let entries = checked?.get(sha)
    if (!entries) {
      const part = await partOf(sha)
      if (!part) throw new MissingPart(`缺少发布清单的分段 ${sha.slice(0, 12)}（应随较早的发布包送达），请等待包含它的发布包。`)
      entries = checkedPart(sha, part, checked)
    }
    for (const [rel, fileSha] of entries) files[rel] = fileSha
  }
  if (Object.keys(files).length !== root.count) throw new Error('发布清单的文件数与签名不符，已拒绝。')
  return { id: root.id, builtAt: root.builtAt, files }
}

/** A path inside the site: relative, no `..`, no absolute or empty segments. */
export const safeRelative = (rel: string): boolean => rel.length > 0 && !rel.startsWith('/') && !rel.includes('\\') && rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
