// The receiver's and guard's memory of hashes must never vouch for a file that changed since it was read:
// the attacks a public machine meets are an edit in place of the same size, a replacement, a symlink.
import { link, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { sha256 } from '../../publisher/files.ts'
import { hashCache } from '../../publisher/targets/hashCache.ts'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hash-cache-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('hashCache', () => {
  test('an edit in place of the same length, even within the same millisecond, is read again', async () => {
    const file = path.join(dir, 'page.html')
    await writeFile(file, '<p>原文</p>')
    const hashes = hashCache()
    expect(await hashes.hash(file)).toBe(sha256('<p>原文</p>'))
    await writeFile(file, '<p>篡改</p>')
    expect(await hashes.hash(file)).toBe(sha256('<p>篡改</p>'))
  })

  test('a file replaced by another, or by a symbolic link, is not vouched for', async () => {
    const file = path.join(dir, 'a.html')
    await writeFile(file, 'one')
    const hashes = hashCache()
    expect(await hashes.hash(file)).toBe(sha256('one'))
    await writeFile(path.join(dir, 'b.html'), 'two')
    await rm(file)
    await symlink(path.join(dir, 'b.html'), file)
    expect(await hashes.hash(file)).toBeNull()
    await rm(file)
    expect(await hashes.hash(file)).toBeNull()
  })

  test('a link made after checking keeps the file known; a later edit through either name does not', async () => {
    const file = path.join(dir, 'live.html')
    const linked = path.join(dir, 'next.html')
    await writeFile(file, 'live')
    const hashes = hashCache()
    expect(await hashes.hash(file)).toBe(sha256('live'))
    await link(file, linked)
    await hashes.vouch(linked, sha256('live'))
    expect(await hashes.hash(file)).toBe(sha256('live'))
    await writeFile(linked, 'evil')
    expect(await hashes.hash(file)).toBe(sha256('evil'))
  })

  test('without the change time (the receiver): removing an old link keeps a file known; an edit is still read again', async () => {
    const file = path.join(dir, 'shared.html')
    const old = path.join(dir, 'old-release.html')
    await writeFile(file, 'same')
    await link(file, old)
    const strict = hashCache()
    const receiver = hashCache({ changeTime: false })
    await strict.hash(file)
    await receiver.hash(file)
    await rm(old)
    expect(strict.knownSync(file)).toBeNull()
    expect(receiver.knownSync(file)).toBe(sha256('same'))
    await writeFile(file, 'edited')
    expect(receiver.knownSync(file)).toBeNull()
    expect(await receiver.hash(file)).toBe(sha256('edited'))
  })
})
