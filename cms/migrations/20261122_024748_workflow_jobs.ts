import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`resolutions_workflow_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`user_id\` integer,
  	\`user_name\` text,
  	\`at\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`resolutions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_history_order_idx\` ON \`resolutions_workflow_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_history_parent_id_idx\` ON \`resolutions_workflow_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_history_user_idx\` ON \`resolutions_workflow_history\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`_resolutions_v_version_workflow_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`user_id\` integer,
  	\`user_name\` text,
  	\`at\` text,
  	\`reason\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_resolutions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_history_order_idx\` ON \`_resolutions_v_version_workflow_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_history_parent_id_idx\` ON \`_resolutions_v_version_workflow_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_history_user_idx\` ON \`_resolutions_v_version_workflow_history\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`bulletins_workflow_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`user_id\` integer,
  	\`user_name\` text,
  	\`at\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`bulletins\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_history_order_idx\` ON \`bulletins_workflow_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_history_parent_id_idx\` ON \`bulletins_workflow_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_history_user_idx\` ON \`bulletins_workflow_history\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`_bulletins_v_version_workflow_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`user_id\` integer,
  	\`user_name\` text,
  	\`at\` text,
  	\`reason\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_bulletins_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_history_order_idx\` ON \`_bulletins_v_version_workflow_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_history_parent_id_idx\` ON \`_bulletins_v_version_workflow_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_history_user_idx\` ON \`_bulletins_v_version_workflow_history\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`concurrency_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_concurrency_key_idx\` ON \`payload_jobs\` (\`concurrency_key\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_signed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`resolutions\` ADD \`workflow_signed_at\` text;`)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_workflow_state_idx\` ON \`resolutions\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_workflow_submitted_by_idx\` ON \`resolutions\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_workflow_reviewed_by_idx\` ON \`resolutions\` (\`workflow_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_workflow_workflow_signed_by_idx\` ON \`resolutions\` (\`workflow_signed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_signed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_resolutions_v\` ADD \`version_workflow_signed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_version_workflow_state_idx\` ON \`_resolutions_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_version_workflow_submitt_idx\` ON \`_resolutions_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_version_workflow_reviewe_idx\` ON \`_resolutions_v\` (\`version_workflow_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_resolutions_v_version_workflow_version_workflow_signed__idx\` ON \`_resolutions_v\` (\`version_workflow_signed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_signed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`bulletins\` ADD \`workflow_signed_at\` text;`)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_workflow_state_idx\` ON \`bulletins\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_workflow_submitted_by_idx\` ON \`bulletins\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_workflow_reviewed_by_idx\` ON \`bulletins\` (\`workflow_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_workflow_workflow_signed_by_idx\` ON \`bulletins\` (\`workflow_signed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_signed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_bulletins_v\` ADD \`version_workflow_signed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_version_workflow_state_idx\` ON \`_bulletins_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_version_workflow_submitted_idx\` ON \`_bulletins_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_version_workflow_reviewed__idx\` ON \`_bulletins_v\` (\`version_workflow_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_bulletins_v_version_workflow_version_workflow_signed_by_idx\` ON \`_bulletins_v\` (\`version_workflow_signed_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`resolutions_workflow_history\`;`)
  await db.run(sql`DROP TABLE \`_resolutions_v_version_workflow_history\`;`)
  await db.run(sql`DROP TABLE \`bulletins_workflow_history\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v_version_workflow_history\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_resolutions\` (
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
  await db.run(sql`INSERT INTO \`__new_resolutions\`("id", "title", "slug", "doc_type", "doc_number", "issuer", "meeting", "adopted_at", "published_at", "validity", "period", "source_category", "region_id", "summary", "body", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "doc_type", "doc_number", "issuer", "meeting", "adopted_at", "published_at", "validity", "period", "source_category", "region_id", "summary", "body", "updated_at", "created_at", "_status" FROM \`resolutions\`;`)
  await db.run(sql`DROP TABLE \`resolutions\`;`)
  await db.run(sql`ALTER TABLE \`__new_resolutions\` RENAME TO \`resolutions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`resolutions_slug_idx\` ON \`resolutions\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`resolutions_doc_number_idx\` ON \`resolutions\` (\`doc_number\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_issuer_idx\` ON \`resolutions\` (\`issuer\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_published_at_idx\` ON \`resolutions\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_region_idx\` ON \`resolutions\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_updated_at_idx\` ON \`resolutions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`resolutions_created_at_idx\` ON \`resolutions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`resolutions__status_idx\` ON \`resolutions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__resolutions_v\` (
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
  await db.run(sql`INSERT INTO \`__new__resolutions_v\`("id", "parent_id", "version_title", "version_slug", "version_doc_type", "version_doc_number", "version_issuer", "version_meeting", "version_adopted_at", "version_published_at", "version_validity", "version_period", "version_source_category", "version_region_id", "version_summary", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_doc_type", "version_doc_number", "version_issuer", "version_meeting", "version_adopted_at", "version_published_at", "version_validity", "version_period", "version_source_category", "version_region_id", "version_summary", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_resolutions_v\`;`)
  await db.run(sql`DROP TABLE \`_resolutions_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__resolutions_v\` RENAME TO \`_resolutions_v\`;`)
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
  await db.run(sql`CREATE TABLE \`__new_bulletins\` (
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
  await db.run(sql`INSERT INTO \`__new_bulletins\`("id", "title", "series_id", "issue_number", "total_issue_number", "date", "region_id", "signoff_editor", "signoff_reviewer", "signoff_signer", "distribution_report_to", "distribution_send_to", "distribution_issue_to", "updated_at", "created_at", "_status") SELECT "id", "title", "series_id", "issue_number", "total_issue_number", "date", "region_id", "signoff_editor", "signoff_reviewer", "signoff_signer", "distribution_report_to", "distribution_send_to", "distribution_issue_to", "updated_at", "created_at", "_status" FROM \`bulletins\`;`)
  await db.run(sql`DROP TABLE \`bulletins\`;`)
  await db.run(sql`ALTER TABLE \`__new_bulletins\` RENAME TO \`bulletins\`;`)
  await db.run(sql`CREATE INDEX \`bulletins_series_idx\` ON \`bulletins\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_date_idx\` ON \`bulletins\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_region_idx\` ON \`bulletins\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_updated_at_idx\` ON \`bulletins\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bulletins_created_at_idx\` ON \`bulletins\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`bulletins__status_idx\` ON \`bulletins\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_issueNumber_idx\` ON \`bulletins\` (\`series_id\`,\`issue_number\`);`)
  await db.run(sql`CREATE TABLE \`__new__bulletins_v\` (
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
  await db.run(sql`INSERT INTO \`__new__bulletins_v\`("id", "parent_id", "version_title", "version_series_id", "version_issue_number", "version_total_issue_number", "version_date", "version_region_id", "version_signoff_editor", "version_signoff_reviewer", "version_signoff_signer", "version_distribution_report_to", "version_distribution_send_to", "version_distribution_issue_to", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_series_id", "version_issue_number", "version_total_issue_number", "version_date", "version_region_id", "version_signoff_editor", "version_signoff_reviewer", "version_signoff_signer", "version_distribution_report_to", "version_distribution_send_to", "version_distribution_issue_to", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_bulletins_v\`;`)
  await db.run(sql`DROP TABLE \`_bulletins_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__bulletins_v\` RENAME TO \`_bulletins_v\`;`)
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
}
