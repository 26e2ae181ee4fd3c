// The signed manifest travels in parts so a publish ships a few parts, not the archive's whole file list;
// a target must still refuse anything the key did not sign, exactly as with one signed file.
import { generateKeyPairSync, sign } from 'node:crypto'

import { describe, expect, test } from 'vitest'

import { manifestParts, MissingPart, signManifest, type TargetManifest, verifiedManifest } from '../../publisher/targets/signing.ts'

const hex = (n: number) => n.toString(16).padStart(64, '0')
/** A release of `n` files in a few sections, as a large archive's would look. */
const release = (n: number): TargetManifest => ({
  id: '20261204T000000-1-1',
  builtAt: '2026-12-04T00:00:00.000Z',
  files: Object.fromEntries(Array.from({ length: n }, (_, i) => [`${['news', 'bulletins', 'resolutions'][i % 3]!}/doc-${String(i)}/index.html`, hex(i)])),
})

const { privateKey, publicKey } = generateKeyPairSync('ed25519')

const verify = (signed: ReturnType<typeof signManifest>, parts = signed.parts) => verifiedManifest(signed.bytes, signed.signature, publicKey, async (sha) => parts.get(sha) ?? null)

describe('manifest parts (publisher/targets/signing.ts)', () => {
  test('one changed file changes one part; the root grows by a hash per part, not per file', () => {
    const before = release(40_000)
    const after = { ...before, files: { ...before.files, 'news/doc-3000/index.html': hex(1e9) } }
    const a = [...manifestParts(before.files).keys()]
    const b = [...manifestParts(after.files).keys()]
    expect(b.filter((sha) => !a.includes(sha))).toHaveLength(1)
    expect(a.length).toBeGreaterThan(40_000 / 1024)
    expect(a.length).toBeLessThan(40_000 / 32)
  })

  test('a new file changes at most two parts (a cut may fall after it)', () => {
    const before = release(40_000)
    const after = { ...before, files: { ...before.files, 'news/doc-new/index.html': hex(7) } }
    const a = new Set(manifestParts(before.files).keys())
    expect([...manifestParts(after.files).keys()].filter((sha) => !a.has(sha)).length).toBeLessThanOrEqual(2)
  })

  test('verifies a signed root and its parts back to the same manifest; refuses a changed part, another key, a missing part', async () => {
    const manifest = release(3000)
    const signed = signManifest(manifest, privateKey)
    expect(await verify(signed)).toEqual(manifest)

    const [first, bytes] = [...signed.parts][0]!
    const flipped = Buffer.from(bytes)
    flipped[10] = flipped[10]! ^ 1
    await expect(verify(signed, new Map([...signed.parts, [first, flipped]]))).rejects.toThrow('校验失败')

    const other = generateKeyPairSync('ed25519').privateKey
    await expect(verify({ ...signed, signature: sign(null, signed.bytes, other).toString('base64') })).rejects.toThrow('签名无效')

    const without = new Map(signed.parts)
    without.delete(first)
    await expect(verify(signed, without)).rejects.toBeInstanceOf(MissingPart)
  })
})
