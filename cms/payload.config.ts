import path from 'node:path'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections, globals } from './collections/index.ts'
import { Users } from './collections/Users.ts'
import { userHasRole } from './access/roles.ts'
import { databaseAdapter } from './db.ts'
import { richTextEditor } from './lib/editor.ts'
import { warmPublisher } from '../publisher/worker-client.ts'
import { startTargetSync } from '../publisher/targets/sync.ts'
import { recordAudit } from './audit/record.ts'
import { rebuildSiteTask, releaseInterruptedPublishes } from './jobs/rebuildSite.ts'
import { siteBuildEndpoint } from './jobs/siteBuildEndpoint.ts'
import { siteHealthEndpoint } from './health/endpoint.ts'
import { importEndpoint } from './imports/endpoint.ts'
import { PREVIEWABLE } from './preview/kinds.ts'
import { DEFAULT_TITLE_SUFFIX, siteIcon } from './branding/titles.ts'
import { cmsOrigin, trustedOrigins } from './lib/deployment.ts'
import { keepValidationDetails } from './lib/errors.ts'
import { rootDir } from './lib/paths.ts'
import { watchTransactions } from './lib/transactions.ts'
import { watchWrites } from './lib/writeWatch.ts'
import { payloadSecret } from './lib/secret.ts'
import { MAX_UPLOAD_BYTES } from './lib/uploads.ts'

const cmsDir = path.join(rootDir, 'cms')

export default buildConfig({
  // Links in the admin and e-mails, and the only origins whose browser requests may carry the session
  // cookie: a cross-site request gets no session (Payload's CSRF check on the Origin header).
  serverURL: cmsOrigin(),
  csrf: trustedOrigins(),
  // Every write clears the REST micro-cache, and again once its transaction has ended; the job runner
  // frees publish jobs a killed process left running and starts the publisher process.
  onInit: async (payload) => {
    watchTransactions(payload.db)
    watchWrites(payload.db)
    if (process.env.WENMING_JOBS === '1') {
      await releaseInterruptedPublishes(payload)
      warmPublisher()
      startTargetSync(payload, (entry) => recordAudit({ payload }, entry, true))
    }
  },
  hooks: { afterError: [keepValidationDetails] },
  admin: {
    user: Users.slug,
    avatar: 'default',
    dateFormat: 'yyyy-MM-dd HH:mm',
    // The site's own name (站点设置) replaces the suffix per page (app/(payload)/admin/…/page.tsx); its emblem is the icon.
    meta: { titleSuffix: DEFAULT_TITLE_SUFFIX, icons: siteIcon() },
    components: {
      graphics: { Logo: '/components/AdminLogo#AdminLogo', Icon: '/components/AdminIcon#AdminIcon' },
      beforeDashboard: ['/components/WorkQueue#WorkQueue', '/components/ImportPanel#ImportPanel', '/components/BuildStatus#BuildStatus', '/components/TargetStatus#TargetStatus', '/components/SiteHealthPanel#SiteHealthPanel'],
    },
    // 实时预览 in the edit view: the draft rendered by the public site's components (cms/preview/page.ts).
    livePreview: {
      collections: [...PREVIEWABLE],
      url: ({ data, collectionConfig }) => (data?.id && collectionConfig ? `${cmsOrigin()}/preview/${collectionConfig.slug}/${String(data.id)}?live=1` : null),
      breakpoints: [
        { label: '手机', name: 'mobile', width: 375, height: 720 },
        { label: '电脑', name: 'desktop', width: 1280, height: 800 },
      ],
    },
    importMap: {
      baseDir: cmsDir,
      importMapFile: path.join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js'),
    },
  },
  collections,
  globals,
  endpoints: [...siteBuildEndpoint, siteHealthEndpoint, importEndpoint],
  jobs: {
    tasks: [rebuildSiteTask],
    enableConcurrencyControl: true,
    // The CMS server (npm start sets WENMING_JOBS=1) runs queued jobs every second: site publishes (a
    // correction is live within seconds) and scheduled publishing. Scripts and tests run jobs explicitly.
    autoRun: [{ cron: '* * * * * *', queue: 'default', limit: 10 }],
    shouldAutoRun: () => process.env.WENMING_JOBS === '1',
    access: {
      queue: ({ req }) => userHasRole(req.user, 'admin', 'editor'),
      run: ({ req }) => userHasRole(req.user, 'admin'),
      cancel: ({ req }) => userHasRole(req.user, 'admin'),
    },
  },
  db: databaseAdapter(),
  editor: richTextEditor,
  graphQL: { disable: true },
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  secret: payloadSecret(),
  sharp,
  telemetry: false,
  // Uploads over the media library's own limit get its Chinese message; this cap only stops runaway bodies.
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES * 2 } },
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
})
