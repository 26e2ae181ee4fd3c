import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { defineConfig } from '@playwright/test'

// The browser tests build the site from a throwaway, freshly seeded database (plus a draft that must
// never be published), serve it with the real static server, and drive Debian's Chromium.
const dir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'wenming-e2e-'))
process.env.E2E_DATA_DIR = dir
process.env.E2E_SITE_PORT ??= '4391'

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${process.env.E2E_SITE_PORT}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
})
