/**
 * Old Word (.doc), WPS (.wps), RTF and OpenDocument text files become a .docx through LibreOffice
 * headless (Debian: libreoffice-writer-nogui), then import like any .docx. Each conversion runs in a
 * temporary directory of its own (its own LibreOffice profile and HOME, no inherited environment, removed
 * afterwards), one at a time, under a time limit that kills the whole process group, and its output is
 * size-checked before it is read.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { ImportError, MAX_IMPORT_BYTES, TOO_LARGE } from './errors.ts'

export type Convertible = 'doc' | 'wps' | 'rtf' | 'odt'
/** LibreOffice's import filter for each: named, so a file that is not what it claims fails instead of opening as plain text. */
const FILTERS: Record<Convertible, string> = { doc: 'MS Word 97', wps: 'MS Word 97', rtf: 'Rich Text Format', odt: 'writer8' }
export const FORMAT_NAMES: Record<Convertible, string> = {
  doc: '旧版 Word 文档（.doc）',
  wps: 'WPS 文字文档（.wps）',
  rtf: 'RTF 文档',
  odt: 'OpenDocument 文档（.odt）',
}

const INSTALL_HINT =
  '服务器没有安装 LibreOffice，无法转换 .doc/.wps 文件。请管理员安装（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui），或在 Word/WPS 中“另存为”Word 文档（.docx）后再导入。'

/** Where soffice is: SOFFICE_PATH, or the Debian package's place, or the PATH. */
export const sofficePath = (env: NodeJS.ProcessEnv = process.env): string | null => {
  if (env.SOFFICE_PATH?.trim()) return existsSync(/*turbopackIgnore: true*/ env.SOFFICE_PATH.trim()) ? env.SOFFICE_PATH.trim() : null
  for (const candidate of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'])
    if (existsSync(/*turbopackIgnore: true*/ candidate)) return candidate
  for (const dir of (env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(/*turbopackIgnore: true*/ path.join(dir, 'soffice'))) return path.join(dir, 'soffice')
  return null
}

/** The time limit for one conversion (IMPORT_CONVERT_TIMEOUT_MS, default one minute). */
export const convertTimeout = (env: NodeJS.ProcessEnv = process.env) => Math.max(100, Number(env.IMPORT_CONVERT_TIMEOUT_MS) || 60_000)

// One conversion at a time: LibreOffice takes a few hundred MB and both cores while it works.
let queue: Promise<unknown> = Promise.resolve()
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const run = queue.then(work, work)
  queue = run.catch(() => undefined)
  return run
}

const runSoffice = (soffice: string, args: string[], home: string, timeout: number) =>
  new Promise<{ code: number | null; timedOut: boolean; output: string }>((resolve) => {
    // Its own process group, so the time limit ends soffice.bin and anything it started, not only the wrapper.
    const child = spawn(soffice, args, {
      cwd: home,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        HOME: home,
        PATH: '/usr/bin:/bin',
        LANG: 'C.UTF-8',
        SAL_USE_VCLPLUGIN: 'svp',
        TMPDIR: home,
      } as unknown as NodeJS.ProcessEnv,
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      if (output.length < 4096) output += chunk.toString('utf8')
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, timeout)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: null, timedOut, output: String(error) })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, timedOut, output })
    })
  })

/** The file as a .docx, or an ImportError saying in Chinese why it cannot be converted. */
export const convertToDocx = (data: Buffer, format: Convertible, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> => {
  if (data.length > MAX_IMPORT_BYTES) return Promise.reject(new ImportError(TOO_LARGE, 413))
  const soffice = sofficePath(env)
  if (!soffice) return Promise.reject(new ImportError(INSTALL_HINT, 501))
  const timeout = convertTimeout(env)
  return oneAtATime(async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'wenming-convert-'))
    try {
      const input = path.join(home, 'in', `source.${format}`)
      const outDir = path.join(home, 'out')
      await mkdir(path.dirname(input), { mode: 0o700 })
      await mkdir(outDir, { mode: 0o700 })
      await writeFile(input, data, { mode: 0o600 })
      const args = [
        '--headless',
        '--invisible',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        '--nologo',
        '--nofirststartwizard',
        `-env:UserInstallation=${pathToFileURL(path.join(home, 'profile')).href}`,
        `--infilter=${FILTERS[format]}`,
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        outDir,
        input,
      ]
      const result = await runSoffice(soffice, args, home, timeout)
      if (result.timedOut)
        throw new ImportError(
          `转换${FORMAT_NAMES[format]}超时（超过 ${timeout < 10_000 ? (timeout / 1000).toFixed(1) : String(Math.round(timeout / 1000))} 秒），已停止。文件可能已损坏或过于复杂：请在 Word/WPS 中打开后另存为 .docx 再导入。`,
          422,
        )
      const produced = (await readdir(outDir)).find((f) => f.endsWith('.docx'))
      if (!produced)
        throw new ImportError(`无法读取这个${FORMAT_NAMES[format]}：文件已损坏、设置了密码或不是文字文档。请在 Word/WPS 中打开后另存为 .docx 再导入。`, 422)
      const out = path.join(outDir, produced)
      if ((await stat(out)).size > MAX_IMPORT_BYTES * 3) throw new ImportError('转换后的文档过大（超过 60 MB），无法导入。请删去文中过大的图片后重试。', 413)
      return await readFile(out)
    } finally {
      await rm(home, { recursive: true, force: true })
    }
  })
}
