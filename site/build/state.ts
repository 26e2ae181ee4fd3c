/** The public site's build state, shared by the build script, the job runner and the CMS dashboard. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../../cms/lib/paths.ts'

export const lockFile = () => path.join(dataDir, 'site-build.lock')
const stateFile = () => path.join(dataDir, 'site-build.json')

export interface BuildState {
  status: 'idle' | 'building' | 'failed'
  current: string | null
  lastGoodAt: string | null
  lastGoodMs: number | null
  startedAt: string | null
  error: string | null
  failedAt: string | null
}

const EMPTY: BuildState = { status: 'idle', current: null, lastGoodAt: null, lastGoodMs: null, startedAt: null, error: null, failedAt: null }

export const readBuildState = async (): Promise<BuildState> => {
  try {
    return { ...EMPTY, ...(JSON.parse(await readFile(stateFile(), 'utf8')) as Partial<BuildState>) }
  } catch {
    return { ...EMPTY }
  }
}

export const writeBuildState = async (patch: Partial<BuildState>) => {
  const next = { ...(await readBuildState()), ...patch }
  await mkdir(dataDir, { recursive: true })
  const tmp = `${stateFile()}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(next, null, 2))
  await rename(tmp, stateFile())
  return next
}

