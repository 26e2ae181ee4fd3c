import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { defineConfig } from '@playwright/test'

import { dataEnv } from './scripts/lib/data-env.ts'

// The browser tests build the site from a throwaway, freshly seeded database (plus a draft that must
// never be published), serve it with the real static server, and drive Debian's Chromium.
const dir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'wenming-e2e-'))
process.env.E2E_DATA_DIR = dir
process.env.E2E_SITE_PORT ??= '4391'
// The same site pushed to a "public machine" and served by nginx (deploy/nginx/wenming-site.conf).
process.env.E2E_NGINX_PORT ??= '4394'
// The search evaluation's site: the seed content plus the real archive (eval/archive.ts).
process.env.E2E_ARCHIVE_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'wenming-archive-'))
process.env.E2E_ARCHIVE_PORT ??= '4393'
// The publish-to-live tests run the real `npm start` (CMS + job runner + site server) on its own data.
const live = process.env.E2E_LIVE_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'wenming-live-'))
process.env.E2E_LIVE_DIR = live
process.env.E2E_LIVE_CMS_PORT ??= '3391'
process.env.E2E_LIVE_SITE_PORT ??= '4392'

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  projects: [
    { name: 'site', testIgnore: /live\/|lighthouse\.spec\.ts/ },
    // The pages, navigation and search tests again, against the pushed copy behind nginx.
    { name: 'site-nginx', testMatch: /\/(pages|navigation|search)\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${process.env.E2E_NGINX_PORT}` } },
    { name: 'live', testMatch: /live\/publish\.spec\.ts/ },
    // A burst of changes and a publisher killed mid-release, once the publishing tests are done.
    { name: 'live-consistency', testMatch: /live\/consistency\.spec\.ts/, dependencies: ['live'] },
    // Attacks and the randomized draft-leak test run on the same stack once the publishing tests (which
    // break a build on purpose and kill the publisher) are done.
    { name: 'live-security', testMatch: /live\/(security-.*|draft-leak|editors|fuzz|targets)\.spec\.ts/, dependencies: ['live-consistency'] },
    // Lighthouse times the page's work on this machine's CPU: it runs alone, after everything else.
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts/, dependencies: ['site', 'site-nginx', 'live-security'] },
  ],
  webServer: {
    command: 'node scripts/start.ts',
    url: `http://localhost:${process.env.E2E_LIVE_CMS_PORT}/admin/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...dataEnv(live, { name: 'live', secret: 'live-e2e-secret', seedPassword: 'live-password-123', siteUrl: `http://localhost:${process.env.E2E_LIVE_SITE_PORT}` }),
      PORT: process.env.E2E_LIVE_CMS_PORT,
      SITE_PORT: process.env.E2E_LIVE_SITE_PORT,
    },
  },
  use: {
    baseURL: `http://localhost:${process.env.E2E_SITE_PORT}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
})
