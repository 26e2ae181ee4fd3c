import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`content_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`severity\` text DEFAULT '禁止' NOT NULL,
  	\`text\` text NOT NULL,
  	\`correct\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`content_rules_updated_at_idx\` ON \`content_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`content_rules_created_at_idx\` ON \`content_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`user_id\` integer,
  	\`user_name\` text,
  	\`target_collection\` text,
  	\`doc_id\` text,
  	\`doc_title\` text,
  	\`ip\` text,
  	\`forwarded_for\` text,
  	\`detail\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_collection_idx\` ON \`audit_log\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`targetCollection_docId_idx\` ON \`audit_log\` (\`target_collection\`,\`doc_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_name\` text NOT NULL,
  	\`tagline\` text,
  	\`description\` text,
  	\`sponsor\` text NOT NULL,
  	\`organizer\` text,
  	\`phone\` text,
  	\`email\` text,
  	\`address\` text,
  	\`site_code\` text,
  	\`icp\` text,
  	\`psb\` text,
  	\`psb_url\` text,
  	\`conac_url\` text,
  	\`dynamic_days\` numeric DEFAULT 14,
  	\`policy_days\` numeric DEFAULT 180,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`resolutions_first_published_at_idx\` ON \`resolutions\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_first_published_at_idx\` ON \`_resolutions_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`bulletins_first_published_at_idx\` ON \`bulletins\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version_first_published_at_idx\` ON \`_bulletins_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`news_first_published_at_idx\` ON \`news\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_first_published_at_idx\` ON \`_news_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`figures\` ADD \`first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`figures\` ADD \`content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`figures_first_published_at_idx\` ON \`figures\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_figures_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_figures_v\` ADD \`version_content_checks\` text;`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version_first_published_at_idx\` ON \`_figures_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`content_rules_id\` integer REFERENCES content_rules(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` integer REFERENCES audit_log(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_content_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`content_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  // Documents already public before the first publication was recorded: the day they were entered is the best record there is.
  await db.run(sql`UPDATE \`resolutions\` SET \`first_published_at\` = \`created_at\` WHERE \`_status\` = 'published' AND \`first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`bulletins\` SET \`first_published_at\` = \`created_at\` WHERE \`_status\` = 'published' AND \`first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`news\` SET \`first_published_at\` = \`created_at\` WHERE \`_status\` = 'published' AND \`first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`figures\` SET \`first_published_at\` = \`created_at\` WHERE \`_status\` = 'published' AND \`first_published_at\` IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`content_rules\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`resolutions_id\` integer,
  	\`bulletins_id\` integer,
  	\`bulletin_series_id\` integer,
  	\`news_id\` integer,
  	\`figures_id\` integer,
  	\`regions_id\` integer,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resolutions_id\`) REFERENCES \`resolutions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bulletins_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bulletin_series_id\`) REFERENCES \`bulletin_series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`figures_id\`) REFERENCES \`figures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "resolutions_id", "bulletins_id", "bulletin_series_id", "news_id", "figures_id", "regions_id", "topics_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "resolutions_id", "bulletins_id", "bulletin_series_id", "news_id", "figures_id", "regions_id", "topics_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resolutions_id_idx\` ON \`payload_locked_documents_rels\` (\`resolutions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bulletins_id_idx\` ON \`payload_locked_documents_rels\` (\`bulletins_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bulletin_series_id_idx\` ON \`payload_locked_documents_rels\` (\`bulletin_series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_figures_id_idx\` ON \`payload_locked_documents_rels\` (\`figures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`resolutions_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`resolutions\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`resolutions\` DROP COLUMN \`content_checks\`;`)
  await db.run(sql`DROP INDEX \`_resolutions_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` DROP COLUMN \`version_content_checks\`;`)
  await db.run(sql`DROP INDEX \`bulletins_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`bulletins\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`bulletins\` DROP COLUMN \`content_checks\`;`)
  await db.run(sql`DROP INDEX \`_bulletins_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` DROP COLUMN \`version_content_checks\`;`)
  await db.run(sql`DROP INDEX \`news_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`content_checks\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_content_checks\`;`)
  await db.run(sql`DROP INDEX \`figures_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`figures\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`figures\` DROP COLUMN \`content_checks\`;`)
  await db.run(sql`DROP INDEX \`_figures_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_figures_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_figures_v\` DROP COLUMN \`version_content_checks\`;`)
}
