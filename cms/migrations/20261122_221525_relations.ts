import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`figures_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`figures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`figures_rels_order_idx\` ON \`figures_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`figures_rels_parent_idx\` ON \`figures_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`figures_rels_path_idx\` ON \`figures_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`figures_rels_topics_id_idx\` ON \`figures_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_figures_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_figures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_figures_v_rels_order_idx\` ON \`_figures_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_rels_parent_idx\` ON \`_figures_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_rels_path_idx\` ON \`_figures_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_figures_v_rels_topics_id_idx\` ON \`_figures_v_rels\` (\`topics_id\`);`)
  await db.run(sql`ALTER TABLE \`bulletins_rels\` ADD \`resolutions_id\` integer REFERENCES resolutions(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_resolutions_id_idx\` ON \`bulletins_rels\` (\`resolutions_id\`);`)
  await db.run(sql`ALTER TABLE \`_bulletins_v_rels\` ADD \`resolutions_id\` integer REFERENCES resolutions(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_resolutions_id_idx\` ON \`_bulletins_v_rels\` (\`resolutions_id\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`interprets_id\` integer REFERENCES resolutions(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`news_interprets_idx\` ON \`news\` (\`interprets_id\`);`)
  await db.run(sql`ALTER TABLE \`news_rels\` ADD \`resolutions_id\` integer REFERENCES resolutions(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`news_rels_resolutions_id_idx\` ON \`news_rels\` (\`resolutions_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_interprets_id\` integer REFERENCES resolutions(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_interprets_idx\` ON \`_news_v\` (\`version_interprets_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v_rels\` ADD \`resolutions_id\` integer REFERENCES resolutions(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_resolutions_id_idx\` ON \`_news_v_rels\` (\`resolutions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`figures_rels\`;`)
  await db.run(sql`DROP TABLE \`_figures_v_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_bulletins_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_bulletins_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`bulletins_rels\`;`)
  await db.run(sql`DROP TABLE \`bulletins_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_bulletins_rels\` RENAME TO \`bulletins_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_order_idx\` ON \`bulletins_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_parent_idx\` ON \`bulletins_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_path_idx\` ON \`bulletins_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_rels_topics_id_idx\` ON \`bulletins_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__bulletins_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_bulletins_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__bulletins_v_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`_bulletins_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__bulletins_v_rels\` RENAME TO \`_bulletins_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_order_idx\` ON \`_bulletins_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_parent_idx\` ON \`_bulletins_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_path_idx\` ON \`_bulletins_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_rels_topics_id_idx\` ON \`_bulletins_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
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
  await db.run(sql`INSERT INTO \`__new_news\`("id", "title", "subtitle", "slug", "date", "category", "authors", "region_id", "summary", "cover_id", "body", "source_bulletin_id", "updated_at", "created_at", "_status") SELECT "id", "title", "subtitle", "slug", "date", "category", "authors", "region_id", "summary", "cover_id", "body", "source_bulletin_id", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_date_idx\` ON \`news\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`news_category_idx\` ON \`news\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`news_region_idx\` ON \`news\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`news_cover_idx\` ON \`news\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`news_source_bulletin_idx\` ON \`news\` (\`source_bulletin_id\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_2_idx\` ON \`news\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_date_1_idx\` ON \`news\` (\`_status\`,\`date\`);`)
  await db.run(sql`CREATE TABLE \`__new_news_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`news_rels\`;`)
  await db.run(sql`DROP TABLE \`news_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_news_rels\` RENAME TO \`news_rels\`;`)
  await db.run(sql`CREATE INDEX \`news_rels_order_idx\` ON \`news_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_parent_idx\` ON \`news_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_path_idx\` ON \`news_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_topics_id_idx\` ON \`news_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
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
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_title", "version_subtitle", "version_slug", "version_date", "version_category", "version_authors", "version_region_id", "version_summary", "version_cover_id", "version_body", "version_source_bulletin_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_subtitle", "version_slug", "version_date", "version_category", "version_authors", "version_region_id", "version_summary", "version_cover_id", "version_body", "version_source_bulletin_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
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
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_2_idx\` ON \`_news_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_date_1_idx\` ON \`_news_v\` (\`version__status\`,\`version_date\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`_news_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_news_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v_rels\` RENAME TO \`_news_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_order_idx\` ON \`_news_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_parent_idx\` ON \`_news_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_path_idx\` ON \`_news_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_topics_id_idx\` ON \`_news_v_rels\` (\`topics_id\`);`)
}
