/** The public site's publishing state, shared by the publisher, the job runner and the CMS dashboard. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../cms/lib/paths.ts'
import { writeAtomic } from './files.ts'

const stateFile = () => path.join(dataDir, 'site-build.json')

export interface BuildState {
  status: 'idle' | 'building' | 'failed'
  current: string | null
  lastGoodAt: string | null
  lastGoodMs: number | null
  startedAt: string | null
  /** Why the last attempt made no release (the live one is unchanged). */
  error: string | null
  failedAt: string | null
  /** Documents or pages the live release could not render (each keeps its last good version, if any). */
  failures: { url?: string; message: string }[]
  /** Search pages in the delta partition since the last full build (a full build folds them in). */
  deltaPages: number
  /** Pages the live release rendered (the rest were the release before's): what its publish cost. */
  lastRendered: number | null
}

const EMPTY: BuildState = { status: 'idle', current: null, lastGoodAt: null, lastGoodMs: null, startedAt: null, error: null, failedAt: null, failures: [], deltaPages: 0, lastRendered: null }

export const readBuildState = async (): Promise<BuildState> => {
  try {
    return { ...EMPTY, ...(JSON.parse(await readFile(stateFile(), 'utf8')) as Partial<BuildState>) }
  } catch {
    return { ...EMPTY }
  }
}

export const writeBuildState = async (patch: Partial<BuildState>) => {
  const next = { ...(await readBuildState()), ...patch }
  await writeAtomic(stateFile(), JSON.stringify(next, null, 2))
  return next
}
