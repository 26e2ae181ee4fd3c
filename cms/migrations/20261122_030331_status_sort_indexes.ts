import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_createdAt_idx\` ON \`resolutions\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_adoptedAt_idx\` ON \`resolutions\` (\`_status\`,\`adopted_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_idx\` ON \`_resolutions_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_adoptedAt_idx\` ON \`_resolutions_v\` (\`version__status\`,\`version_adopted_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_1_idx\` ON \`bulletins\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_date_idx\` ON \`bulletins\` (\`_status\`,\`date\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_1_idx\` ON \`_bulletins_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_date_idx\` ON \`_bulletins_v\` (\`version__status\`,\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_2_idx\` ON \`news\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_date_1_idx\` ON \`news\` (\`_status\`,\`date\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_2_idx\` ON \`_news_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_date_1_idx\` ON \`_news_v\` (\`version__status\`,\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_3_idx\` ON \`figures\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_3_idx\` ON \`_figures_v\` (\`version__status\`,\`version_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_adoptedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_adoptedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_date_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_date_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_date_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_date_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_3_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_3_idx\`;`)
}
