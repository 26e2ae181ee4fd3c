import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`resolutions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`doc_type\` text DEFAULT '决议',
  	\`doc_number\` text,
  	\`issuer\` text,
  	\`meeting\` text,
  	\`adopted_at\` text,
  	\`published_at\` text,
  	\`validity\` text DEFAULT '现行有效',
  	\`period\` text,
  	\`source_category\` text,
  	\`region_id\` integer,
  	\`summary\` text,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`resolutions_slug_idx\` ON \`resolutions\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`resolutions_doc_number_idx\` ON \`resolutions\` (\`doc_number\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_issuer_idx\` ON \`resolutions\` (\`issuer\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_published_at_idx\` ON \`resolutions\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_region_idx\` ON \`resolutions\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_updated_at_idx\` ON \`resolutions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_created_at_idx\` ON \`resolutions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`resolutions__status_idx\` ON \`resolutions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`resolutions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`resolutions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`resolutions_rels_order_idx\` ON \`resolutions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_rels_parent_idx\` ON \`resolutions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_rels_path_idx\` ON \`resolutions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_rels_topics_id_idx\` ON \`resolutions_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_rels_media_id_idx\` ON \`resolutions_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_resolutions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_doc_type\` text DEFAULT '决议',
  	\`version_doc_number\` text,
  	\`version_issuer\` text,
  	\`version_meeting\` text,
  	\`version_adopted_at\` text,
  	\`version_published_at\` text,
  	\`version_validity\` text DEFAULT '现行有效',
  	\`version_period\` text,
  	\`version_source_category\` text,
  	\`version_region_id\` integer,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`resolutions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_resolutions_v_parent_idx\` ON \`_resolutions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_slug_idx\` ON \`_resolutions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_doc_number_idx\` ON \`_resolutions_v\` (\`version_doc_number\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_issuer_idx\` ON \`_resolutions_v\` (\`version_issuer\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_published_at_idx\` ON \`_resolutions_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_region_idx\` ON \`_resolutions_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_updated_at_idx\` ON \`_resolutions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version_created_at_idx\` ON \`_resolutions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_version__status_idx\` ON \`_resolutions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_created_at_idx\` ON \`_resolutions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_updated_at_idx\` ON \`_resolutions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_latest_idx\` ON \`_resolutions_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_resolutions_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_resolutions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_resolutions_v_rels_order_idx\` ON \`_resolutions_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_rels_parent_idx\` ON \`_resolutions_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_rels_path_idx\` ON \`_resolutions_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_rels_topics_id_idx\` ON \`_resolutions_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_rels_media_id_idx\` ON \`_resolutions_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`bulletins_sections_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`category\` text,
  	\`region_id\` integer,
  	\`source\` text,
  	\`body\` text,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`bulletins_sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bulletins_sections_items_order_idx\` ON \`bulletins_sections_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_sections_items_parent_id_idx\` ON \`bulletins_sections_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_sections_items_region_idx\` ON \`bulletins_sections_items\` (\`region_id\`);`)
  await db.run(sql`CREATE TABLE \`bulletins_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bulletins_sections_order_idx\` ON \`bulletins_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_sections_parent_id_idx\` ON \`bulletins_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`bulletins\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`series_id\` integer,
  	\`issue_number\` numeric,
  	\`total_issue_number\` numeric,
  	\`date\` text,
  	\`region_id\` integer,
  	\`signoff_editor\` text,
  	\`signoff_reviewer\` text,
  	\`signoff_signer\` text,
  	\`distribution_report_to\` text,
  	\`distribution_send_to\` text,
  	\`distribution_issue_to\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`series_id\`) REFERENCES \`bulletin_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`bulletins_series_idx\` ON \`bulletins\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_date_idx\` ON \`bulletins\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_region_idx\` ON \`bulletins\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_updated_at_idx\` ON \`bulletins\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_created_at_idx\` ON \`bulletins\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`bulletins__status_idx\` ON \`bulletins\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_issueNumber_idx\` ON \`bulletins\` (\`series_id\`,\`issue_number\`);`)
  await db.run(sql`CREATE TABLE \`bulletins_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bulletins_rels_order_idx\` ON \`bulletins_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_parent_idx\` ON \`bulletins_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_path_idx\` ON \`bulletins_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_topics_id_idx\` ON \`bulletins_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_bulletins_v_version_sections_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`category\` text,
  	\`region_id\` integer,
  	\`source\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_bulletins_v_version_sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_sections_items_order_idx\` ON \`_bulletins_v_version_sections_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_sections_items_parent_id_idx\` ON \`_bulletins_v_version_sections_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_sections_items_region_idx\` ON \`_bulletins_v_version_sections_items\` (\`region_id\`);`)
  await db.run(sql`CREATE TABLE \`_bulletins_v_version_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_bulletins_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_sections_order_idx\` ON \`_bulletins_v_version_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_sections_parent_id_idx\` ON \`_bulletins_v_version_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_bulletins_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_series_id\` integer,
  	\`version_issue_number\` numeric,
  	\`version_total_issue_number\` numeric,
  	\`version_date\` text,
  	\`version_region_id\` integer,
  	\`version_signoff_editor\` text,
  	\`version_signoff_reviewer\` text,
  	\`version_signoff_signer\` text,
  	\`version_distribution_report_to\` text,
  	\`version_distribution_send_to\` text,
  	\`version_distribution_issue_to\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_series_id\`) REFERENCES \`bulletin_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_bulletins_v_parent_idx\` ON \`_bulletins_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version_series_idx\` ON \`_bulletins_v\` (\`version_series_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version_date_idx\` ON \`_bulletins_v\` (\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version_region_idx\` ON \`_bulletins_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version_updated_at_idx\` ON \`_bulletins_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version_created_at_idx\` ON \`_bulletins_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_version__status_idx\` ON \`_bulletins_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_created_at_idx\` ON \`_bulletins_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_updated_at_idx\` ON \`_bulletins_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_latest_idx\` ON \`_bulletins_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version_series_version_issueNumber_idx\` ON \`_bulletins_v\` (\`version_series_id\`,\`version_issue_number\`);`)
  await db.run(sql`CREATE TABLE \`_bulletins_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_bulletins_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_order_idx\` ON \`_bulletins_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_parent_idx\` ON \`_bulletins_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_path_idx\` ON \`_bulletins_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_topics_id_idx\` ON \`_bulletins_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`bulletin_series\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT '工作快报' NOT NULL,
  	\`issuer\` text NOT NULL,
  	\`phone\` text,
  	\`fax\` text,
  	\`email\` text,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`bulletin_series_name_idx\` ON \`bulletin_series\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`bulletin_series_slug_idx\` ON \`bulletin_series\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`bulletin_series_updated_at_idx\` ON \`bulletin_series\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bulletin_series_created_at_idx\` ON \`bulletin_series\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`news_key_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`value\` text,
  	\`unit\` text,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`news_key_figures_order_idx\` ON \`news_key_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`news_key_figures_parent_id_idx\` ON \`news_key_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`subtitle\` text,
  	\`slug\` text,
  	\`date\` text,
  	\`category\` text,
  	\`authors\` text,
  	\`region_id\` integer,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`body\` text,
  	\`source_bulletin_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_bulletin_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_date_idx\` ON \`news\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`news_category_idx\` ON \`news\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`news_region_idx\` ON \`news\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`news_cover_idx\` ON \`news\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`news_source_bulletin_idx\` ON \`news\` (\`source_bulletin_id\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`news_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`news_rels_order_idx\` ON \`news_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_parent_idx\` ON \`news_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_path_idx\` ON \`news_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_topics_id_idx\` ON \`news_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_news_v_version_key_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`value\` text,
  	\`unit\` text,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_version_key_figures_order_idx\` ON \`_news_v_version_key_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_key_figures_parent_id_idx\` ON \`_news_v_version_key_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_slug\` text,
  	\`version_date\` text,
  	\`version_category\` text,
  	\`version_authors\` text,
  	\`version_region_id\` integer,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_body\` text,
  	\`version_source_bulletin_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_bulletin_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_date_idx\` ON \`_news_v\` (\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_category_idx\` ON \`_news_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_region_idx\` ON \`_news_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_cover_idx\` ON \`_news_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_source_bulletin_idx\` ON \`_news_v\` (\`version_source_bulletin_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_news_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_rels_order_idx\` ON \`_news_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_parent_idx\` ON \`_news_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_path_idx\` ON \`_news_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_topics_id_idx\` ON \`_news_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`figures_honors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`level\` text,
  	\`year\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`figures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`figures_honors_order_idx\` ON \`figures_honors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`figures_honors_parent_id_idx\` ON \`figures_honors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`figures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`kind\` text DEFAULT '个人',
  	\`category\` text DEFAULT '志愿服务',
  	\`region_id\` integer,
  	\`portrait_id\` integer,
  	\`summary\` text,
  	\`story\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`portrait_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`figures_slug_idx\` ON \`figures\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`figures_region_idx\` ON \`figures\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`figures_portrait_idx\` ON \`figures\` (\`portrait_id\`);`)
  await db.run(sql`CREATE INDEX \`figures_updated_at_idx\` ON \`figures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`figures_created_at_idx\` ON \`figures\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`figures__status_idx\` ON \`figures\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_figures_v_version_honors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`level\` text,
  	\`year\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_figures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_figures_v_version_honors_order_idx\` ON \`_figures_v_version_honors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_honors_parent_id_idx\` ON \`_figures_v_version_honors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_figures_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_kind\` text DEFAULT '个人',
  	\`version_category\` text DEFAULT '志愿服务',
  	\`version_region_id\` integer,
  	\`version_portrait_id\` integer,
  	\`version_summary\` text,
  	\`version_story\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`figures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_portrait_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_figures_v_parent_idx\` ON \`_figures_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version_slug_idx\` ON \`_figures_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version_region_idx\` ON \`_figures_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version_portrait_idx\` ON \`_figures_v\` (\`version_portrait_id\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version_updated_at_idx\` ON \`_figures_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version_created_at_idx\` ON \`_figures_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_version_version__status_idx\` ON \`_figures_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_created_at_idx\` ON \`_figures_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_updated_at_idx\` ON \`_figures_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_latest_idx\` ON \`_figures_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`regions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT '镇' NOT NULL,
  	\`district\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`regions_name_idx\` ON \`regions\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`regions_slug_idx\` ON \`regions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`regions_updated_at_idx\` ON \`regions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`regions_created_at_idx\` ON \`regions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_name_idx\` ON \`topics\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`caption\` text,
  	\`credit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_large_url\` text,
  	\`sizes_large_width\` numeric,
  	\`sizes_large_height\` numeric,
  	\`sizes_large_mime_type\` text,
  	\`sizes_large_filesize\` numeric,
  	\`sizes_large_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_large_sizes_large_filename_idx\` ON \`media\` (\`sizes_large_filename\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`resolutions\`;`)
  await db.run(sql`DROP TABLE \`resolutions_rels\`;`)
  await db.run(sql`DROP TABLE \`_resolutions_v\`;`)
  await db.run(sql`DROP TABLE \`_resolutions_v_rels\`;`)
  await db.run(sql`DROP TABLE \`bulletins_sections_items\`;`)
  await db.run(sql`DROP TABLE \`bulletins_sections\`;`)
  await db.run(sql`DROP TABLE \`bulletins\`;`)
  await db.run(sql`DROP TABLE \`bulletins_rels\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v_version_sections_items\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v_version_sections\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v_rels\`;`)
  await db.run(sql`DROP TABLE \`bulletin_series\`;`)
  await db.run(sql`DROP TABLE \`news_key_figures\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`DROP TABLE \`news_rels\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_key_figures\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v_rels\`;`)
  await db.run(sql`DROP TABLE \`figures_honors\`;`)
  await db.run(sql`DROP TABLE \`figures\`;`)
  await db.run(sql`DROP TABLE \`_figures_v_version_honors\`;`)
  await db.run(sql`DROP TABLE \`_figures_v\`;`)
  await db.run(sql`DROP TABLE \`regions\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
