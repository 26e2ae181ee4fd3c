/**
 * Deleting a release's tens of thousands of files took seconds of the machine from the next publish, so
 * nothing is deleted on a publish's path: a folder is moved (one rename) into `.data/releases-trash/`, and
 * a low-priority process empties it.
 */
import { spawn } from 'node:child_process'
import { mkdir, rename } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../cms/lib/paths.ts'
import { lowerPriority } from './files.ts'

export const trashDir = () => path.join(dataDir, 'releases-trash')

/** Moves a file or folder out of the way, into the trash (`trash`: the publisher's, else another one on the same file system). */
export const toTrash = async (file: string, trash = trashDir()) => {
  await mkdir(trash, { recursive: true })
  await rename(file, path.join(trash, `${path.basename(file)}-${String(Date.now())}-${Math.random().toString(36).slice(2, 8)}`))
}

/** Starts a detached, low-priority process that empties the trash. */
export const emptyTrash = (trash = trashDir()) => {
  // Empties the folder but keeps it: the next prune may be moving something into it meanwhile.
  const script = 'const fs = require("node:fs"), path = require("node:path"); for (const n of fs.readdirSync(process.argv[1])) fs.rmSync(path.join(process.argv[1], n), { recursive: true, force: true })'
  const remover = spawn(process.execPath, ['-e', script, trash], { detached: true, stdio: 'ignore' })
  remover.on('error', () => undefined)
  lowerPriority(remover.pid)
  remover.unref()
}
