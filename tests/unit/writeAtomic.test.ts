// Two writes of one file at once must both succeed: the receiver keeps a pristine copy of every file it
// writes under its hash, and a release holding two files with the same content wrote that copy twice at
// once (one rename found the other's temporary file gone, and the whole bundle was refused).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, expect, test } from 'vitest'

import { writeAtomic } from '../../publisher/files.ts'

let dir = ''
afterAll(() => rm(dir, { recursive: true, force: true }))

test('concurrent writes of one file each complete, and leave the file whole with no temporary file behind', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wenming-atomic-'))
  const file = path.join(dir, 'objects', 'ab', 'same')
  const body = 'x'.repeat(256 * 1024)
  await Promise.all(Array.from({ length: 8 }, () => writeAtomic(file, body, 0o444)))
  expect(await readFile(file, 'utf8')).toBe(body)
  expect(await readdir(path.dirname(file))).toEqual(['same'])
})
