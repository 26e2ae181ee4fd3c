import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import * as pagefind from 'pagefind'

import { type SynonymGroup, synonymsFor } from '../../cms/lib/synonyms.ts'
import { escapeHtml } from '../lib/html.ts'

const MAIN_END = '</main>'

/** The text of a page's main content, roughly (tags removed), for synonym matching. */
const mainText = (html: string) => {
  const start = html.indexOf('<main')
  const end = html.indexOf(MAIN_END)
  return (start >= 0 && end > start ? html.slice(start, end) : html).replace(/<[^>]+>/g, '')
}

/**
 * Indexes the built site with Pagefind (its extended build segments Chinese from `lang="zh-CN"`).
 * Only `<main data-pagefind-body>` content is indexed. The synonym groups of 搜索设置 are applied here:
 * a page mentioning 创建全国文明城区 is indexed with 创文 as well, and the other way round. The words
 * are added to the indexed copy only; the published page is unchanged. Any error fails the build.
 */
export const indexSite = async (siteDir: string): Promise<{ pages: number; bytes: number; synonymPages: number }> => {
  const synonymsFile = path.join(siteDir, 'search', 'synonyms.json')
  const groups: SynonymGroup[] = existsSync(synonymsFile)
    ? (JSON.parse(await readFile(synonymsFile, 'utf8')) as string[][]).map((words) => ({ words }))
    : []
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
  try {
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`)
    let pages = 0
    let synonymPages = 0
    const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)))
    // Files are read, given their synonyms and handed to Pagefind a batch at a time (in parallel).
    const add = async (file: string) => {
      let html = await readFile(path.join(siteDir, file), 'utf8')
      if (!html.includes('data-pagefind-body')) return
      const extra = synonymsFor(mainText(html), groups)
      if (extra.length) {
        // Synonyms are editors' text: escaped, so markup in one is indexed (and shown) as text.
        html = html.replace(MAIN_END, `<p>${escapeHtml(extra.join(' '))}</p>${MAIN_END}`)
        synonymPages++
      }
      const added = await index.addHTMLFile({ sourcePath: file.split(path.sep).join('/'), content: html })
      if (added.errors.length) throw new Error(`Pagefind 无法索引 ${file}：${added.errors.join('; ')}`)
      pages++
    }
    for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map(add))
    if (pages === 0) throw new Error('Pagefind 没有找到可索引的页面（data-pagefind-body）')
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') })
    if (written.errors.length) throw new Error(`Pagefind 写入索引失败：${written.errors.join('; ')}`)
    let bytes = 0
    for (const entry of await readdir(path.join(siteDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size
    }
    return { pages, bytes, synonymPages }
  } finally {
    await pagefind.close()
  }
}
