import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The admin's list views read the newest versions (`latest`) in their default order (newest created
 * first, Payload's own tie-break by the version's creation): one index gives the first page without
 * sorting every version (EXPLAIN QUERY PLAN showed a temporary B-tree over all of them). Versions tables
 * are not described by a collection's `indexes`, so these are written here by hand, after the generated
 * ones; the rest serve 栏目监测 (each column's newest publication).
 */
const LATEST = ['news', 'bulletins', 'resolutions', 'figures']
/** The dashboard's 待办: the newest versions in a state (草稿, 待审核, 待核签), newest change first. */
const BY_STATE: [string, string][] = [
  ...LATEST.map((c): [string, string] => [c, 'version__status']),
  ['bulletins', 'version_workflow_state'],
  ['resolutions', 'version_workflow_state'],
]
const byStateName = (c: string, column: string) => `_${c}_v_latest_${column.replace(/^version_+/, '')}_updated_idx`

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  for (const c of LATEST) await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS \`_${c}_v_latest_created_idx\` ON \`_${c}_v\` (\`latest\`,\`version_created_at\`,\`created_at\`);`))
  for (const [c, column] of BY_STATE) await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS \`${byStateName(c, column)}\` ON \`_${c}_v\` (\`latest\`,\`${column}\`,\`version_updated_at\`);`))
  await db.run(sql`CREATE INDEX \`_status_firstPublishedAt_idx\` ON \`resolutions\` (\`_status\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_firstPublishedAt_idx\` ON \`_resolutions_v\` (\`version__status\`,\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_series_firstPublishedAt_idx\` ON \`bulletins\` (\`_status\`,\`series_id\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_firstPublishedAt_1_idx\` ON \`bulletins\` (\`_status\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_series_version_firstPublishedAt_idx\` ON \`_bulletins_v\` (\`version__status\`,\`version_series_id\`,\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_firstPublishedAt_1_idx\` ON \`_bulletins_v\` (\`version__status\`,\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_category_firstPublishedAt_idx\` ON \`news\` (\`_status\`,\`category\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_region_firstPublishedAt_idx\` ON \`news\` (\`_status\`,\`region_id\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_firstPublishedAt_2_idx\` ON \`news\` (\`_status\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_category_version_firstPublishedA_idx\` ON \`_news_v\` (\`version__status\`,\`version_category\`,\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_region_version_firstPublishedAt_idx\` ON \`_news_v\` (\`version__status\`,\`version_region_id\`,\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_firstPublishedAt_2_idx\` ON \`_news_v\` (\`version__status\`,\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_firstPublishedAt_3_idx\` ON \`figures\` (\`_status\`,\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_firstPublishedAt_3_idx\` ON \`_figures_v\` (\`version__status\`,\`version_first_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  for (const c of LATEST) await db.run(sql.raw(`DROP INDEX IF EXISTS \`_${c}_v_latest_created_idx\`;`))
  for (const [c, column] of BY_STATE) await db.run(sql.raw(`DROP INDEX IF EXISTS \`${byStateName(c, column)}\`;`))
  await db.run(sql`DROP INDEX \`_status_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_series_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_firstPublishedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_series_version_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_firstPublishedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_category_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_region_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_firstPublishedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_category_version_firstPublishedA_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_region_version_firstPublishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_firstPublishedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_firstPublishedAt_3_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_firstPublishedAt_3_idx\`;`)
}
