import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { defineConfig } from 'vitest/config'

// The integration suite gets its own data directory (database, uploads, secret) unless told otherwise.
// DATABASE_URI points it at another database, e.g. a throwaway MongoDB: mongodb://localhost/wenming-test.
const intDataDir = process.env.TEST_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'wenming-int-'))
// Read by tests/int/globalSetup.ts (same process) to remove the directory afterwards.
if (!process.env.TEST_DATA_DIR) process.env.WENMING_THROWAWAY_DIR = intDataDir
const intEnv = {
  DATA_DIR: intDataDir,
  DATABASE_URI: process.env.DATABASE_URI ?? `file:${path.join(intDataDir, 'test.db')}`,
  PAYLOAD_SECRET: 'integration-tests-only-secret',
  SEED_PASSWORD: 'integration-password',
}

// Two projects: fast unit tests, and integration tests that run the real Payload Local API against a
// throwaway SQLite file (or the database named by DATABASE_URI, e.g. a MongoDB server).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          environment: 'node',
          env: intEnv,
          globalSetup: ['tests/int/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database, one writer: the files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
})
