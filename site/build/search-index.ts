import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import * as pagefind from 'pagefind'

/**
 * Indexes the built site with Pagefind (its extended build segments Chinese from `lang="zh-CN"`).
 * Only `<main data-pagefind-body>` content is indexed. Any error fails the build.
 */
export const indexSite = async (siteDir: string): Promise<{ pages: number; bytes: number }> => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
  try {
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`)
    const added = await index.addDirectory({ path: siteDir })
    if (added.errors.length) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`)
    if (added.page_count === 0) throw new Error('Pagefind 没有找到可索引的页面（data-pagefind-body）')
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') })
    if (written.errors.length) throw new Error(`Pagefind 写入索引失败：${written.errors.join('; ')}`)
    let bytes = 0
    for (const entry of await readdir(path.join(siteDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size
    }
    return { pages: added.page_count, bytes }
  } finally {
    await pagefind.close()
  }
}
