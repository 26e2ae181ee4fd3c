import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { BulletinSeries } from './collections/BulletinSeries.ts'
import { Bulletins } from './collections/Bulletins/index.ts'
import { Figures } from './collections/Figures.ts'
import { Media } from './collections/Media.ts'
import { News } from './collections/News.ts'
import { Regions } from './collections/Regions.ts'
import { Resolutions } from './collections/Resolutions.ts'
import { Topics } from './collections/Topics.ts'
import { Users } from './collections/Users.ts'
import { databaseAdapter } from './db.ts'
import { SearchSettings } from './globals/SearchSettings.ts'
import { rootDir } from './lib/paths.ts'
import { payloadSecret } from './lib/secret.ts'
import { MAX_UPLOAD_BYTES } from './lib/uploads.ts'

const cmsDir = path.join(rootDir, 'cms')

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    dateFormat: 'yyyy-MM-dd HH:mm',
    meta: { titleSuffix: ' · 文明创建内容管理' },
    importMap: {
      baseDir: cmsDir,
      importMapFile: path.join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js'),
    },
  },
  collections: [Resolutions, Bulletins, BulletinSeries, News, Figures, Regions, Topics, Media, Users],
  globals: [SearchSettings],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  graphQL: { disable: true },
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  secret: payloadSecret(),
  sharp,
  telemetry: false,
  // Uploads over the media library's own limit get its Chinese message; this cap only stops runaway bodies.
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES * 2 } },
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
})
