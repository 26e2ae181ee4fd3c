/**
 * Test documents saved by LibreOffice (Debian's libreoffice-writer-nogui) in the old binary formats
 * offices still send: many files in one run, as soffice starts slowly.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/** Each .docx saved as Word 97–2003 (.doc) by LibreOffice, in order. */
export const savedAsDoc = async (docxFiles: Buffer[]): Promise<Buffer[]> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'test-lo-'))
  try {
    const inputs = await Promise.all(
      docxFiles.map(async (data, i) => {
        const file = path.join(dir, `d${String(i)}.docx`)
        await writeFile(file, data)
        return file
      }),
    )
    await promisify(execFile)(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--convert-to',
        'doc:MS Word 97',
        '--outdir',
        path.join(dir, 'out'),
        ...inputs,
      ],
      { env: { ...process.env, HOME: dir }, timeout: 120_000 },
    )
    return await Promise.all(docxFiles.map((_, i) => readFile(path.join(dir, 'out', `d${String(i)}.doc`))))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
