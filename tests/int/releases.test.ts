import { mkdirSync, readlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { dataDir } from '../../cms/lib/paths.ts'
import { listReleases, liveRelease, releasesDir, rollback, switchTo } from '../../publisher/release.ts'

// The release directory mechanics (atomic switch of the `dist` link, rollback), on this suite's data dir.
process.env.SITE_DIST = path.join(dataDir, 'dist')
afterAll(() => {
  delete process.env.SITE_DIST
})

const fakeRelease = (id: string, complete = true) => {
  const dir = path.join(releasesDir(), id)
  mkdirSync(path.join(dir, 'site'), { recursive: true })
  writeFileSync(path.join(dir, 'site', 'index.html'), `<!doctype html><title>${id}</title>`)
  if (complete) writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ id }))
  return dir
}

describe('releases', () => {
  it('switches the live link atomically and rolls back to the previous complete release', async () => {
    fakeRelease('20250101T000000-1')
    fakeRelease('20250102T000000-1')
    fakeRelease('20250102T120000-1', false) // a build that never completed
    const newest = fakeRelease('20250103T000000-1')
    await switchTo(newest)
    expect(await liveRelease()).toBe('20250103T000000-1')
    // Only this test's releases (other test files may have published real ones into the same folder).
    expect((await listReleases()).filter((n) => n.startsWith('2025'))).toEqual(['20250103T000000-1', '20250102T000000-1', '20250101T000000-1'])

    expect(await rollback()).toBe('20250102T000000-1')
    expect(path.basename(path.dirname(readlinkSync(process.env.SITE_DIST!)))).toBe('20250102T000000-1')
    expect(await rollback()).toBe('20250101T000000-1')
    await expect(rollback()).rejects.toThrow('没有可以回退的上一个版本')
  })
})
