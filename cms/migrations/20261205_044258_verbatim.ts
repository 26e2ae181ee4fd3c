import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`verbatim\` integer;`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`verbatim_note\` text;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_verbatim\` integer;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_verbatim_note\` text;`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`verbatim\` integer;`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`verbatim_note\` text;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_verbatim\` integer;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_verbatim_note\` text;`)
  await db.run(sql`ALTER TABLE \`content_rules\` ADD \`applies_from\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`resolutions\` DROP COLUMN \`verbatim\`;`)
  await db.run(sql`ALTER TABLE \`resolutions\` DROP COLUMN \`verbatim_note\`;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` DROP COLUMN \`version_verbatim\`;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` DROP COLUMN \`version_verbatim_note\`;`)
  await db.run(sql`ALTER TABLE \`bulletins\` DROP COLUMN \`verbatim\`;`)
  await db.run(sql`ALTER TABLE \`bulletins\` DROP COLUMN \`verbatim_note\`;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` DROP COLUMN \`version_verbatim\`;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` DROP COLUMN \`version_verbatim_note\`;`)
  await db.run(sql`ALTER TABLE \`content_rules\` DROP COLUMN \`applies_from\`;`)
}
