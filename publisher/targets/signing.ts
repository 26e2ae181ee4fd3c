/**
 * Signed releases. What a public target receives is described by a release manifest (every file with its
 * SHA-256), signed with the CMS's Ed25519 key (Node's crypto). The key is made on first use and kept in
 * the data directory; its public half is installed on every public machine, which refuses anything the
 * key did not sign.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { dataDir } from '../../cms/lib/paths.ts'

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

/** The manifest's bytes and their signature (base64). The bytes are what is verified, never a re-serialisation. */
export const signManifest = (manifest: TargetManifest): { bytes: Buffer; signature: string } => {
  const bytes = Buffer.from(JSON.stringify(manifest))
  return { bytes, signature: sign(null, bytes, signingKey()).toString('base64') }
}

/** Reads a public key file (PEM) as given to `--key`, with a Chinese error naming it. */
export const readPublicKey = (file: string): KeyObject => {
  try {
    return createPublicKey(readFileSync(file))
  } catch (error) {
    throw new Error(`无法读取发布公钥 ${file}：${(error as Error).message}`, { cause: error })
  }
}

/** The manifest in `bytes` if `signature` is the key's signature of exactly those bytes; throws otherwise. */
export const verifiedManifest = (bytes: Buffer, signature: string, key: KeyObject): TargetManifest => {
  if (!verify(null, bytes, key, Buffer.from(signature.trim(), 'base64'))) throw new Error('发布清单的签名无效（不是本站内容管理系统签发的，或在传输中被改动），已拒绝。')
  const manifest = JSON.parse(bytes.toString('utf8')) as TargetManifest
  if (!/^[\w.-]+$/.test(manifest.id) || typeof manifest.files !== 'object') throw new Error('发布清单格式不正确，已拒绝。')
  for (const rel of Object.keys(manifest.files)) if (!safeRelative(rel)) throw new Error(`发布清单含有不安全的路径“${rel}”，已拒绝。`)
  return manifest
}

/** A path inside the site: relative, no `..`, no absolute or empty segments. */
export const safeRelative = (rel: string): boolean => rel.length > 0 && !rel.startsWith('/') && !rel.includes('\\') && rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
