// Every page of the sitemap through the Nu HTML Checker (npm vnu-jar, run with Debian's Java): the HTML
// the site serves, as served, with no errors.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, test } from '@playwright/test'

import { sitemapPaths } from './sitemap.ts'

const VNU_JAR = path.join(import.meta.dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar')

interface VnuMessage {
  type: string
  subType?: string
  url: string
  lastLine?: number
  message: string
  extract?: string
}

test('every sitemap page, the search page and the 404 page are valid HTML', async ({ request }) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wenming-vnu-'))
  try {
    const paths = [...(await sitemapPaths(request)), '/search/', '/404.html']
    const files = new Map<string, string>()
    for (const [i, url] of paths.entries()) {
      const file = path.join(dir, `${String(i)}.html`)
      writeFileSync(file, await (await request.get(url)).text())
      files.set(`file:${file}`, url)
    }
    expect(paths.length).toBeGreaterThan(20)
    // One Java process for every page; vnu exits non-zero when it reports errors, its JSON is on stderr.
    const run = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', dir], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
    )
    const { messages } = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] }
    const errors = messages.map((m) => `${files.get(m.url) ?? m.url}:${String(m.lastLine ?? '?')} ${m.message} ${m.extract ?? ''}`)
    expect(errors).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
