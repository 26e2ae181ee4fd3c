/**
 * Creates a SQLite migration from the current collection config (`npm run migrate:create -- <name>`)
 * and rewrites Payload's generated files so Node's type stripping can load them directly:
 * explicit `.ts` extensions and type-only imports marked as such.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dir = path.join(root, 'cms', 'migrations')
const name = process.argv[2] ?? 'change'

execFileSync(path.join(root, 'node_modules', '.bin', 'payload'), ['migrate:create', name, '--disable-transpile'], {
  cwd: root,
  env: { ...process.env, PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts' },
  stdio: 'inherit',
})

for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
  const full = path.join(dir, file)
  const text = readFileSync(full, 'utf8')
  const fixed = text
    .replace(
      /import \{ MigrateUpArgs, MigrateDownArgs, sql \} from '@payloadcms\/db-sqlite'/,
      "import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'",
    )
    .replace(/from '\.\/(\d{8}_\d{6}_[\w-]+)'/g, "from './$1.ts'")
  if (fixed !== text) writeFileSync(full, fixed)
}
console.log('迁移文件已生成并规范化：cms/migrations/')
