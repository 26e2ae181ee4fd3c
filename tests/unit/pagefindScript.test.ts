import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { writePartition } from '../../publisher/search-index.ts'

describe("Pagefind's browser script as a partition writes it", () => {
  // The installed Pagefind must still poll for a starting instance the way publisher/pagefind-script.ts
  // expects: after an upgrade that changed it, this fails rather than first searches quietly slowing down.
  it('looks every millisecond whether an instance has started, not every 50', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pagefind-script-'))
    try {
      const page = '<html lang="zh-CN"><body><main data-pagefind-body><h1>门前三包</h1><p>门前三包责任制</p></main></body></html>'
      await writePartition(dir, new Map([['/news/a/', page]]))
      const script = await readFile(path.join(dir, 'pagefind.js'), 'utf8')
      expect(script).not.toContain('asyncSleep(50)')
      expect(script.split('await asyncSleep(1)').length - 1).toBeGreaterThanOrEqual(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
