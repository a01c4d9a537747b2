CREATE TABLE `contact_scores` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`score` real NOT NULL,
	`tier` text NOT NULL,
	`terms` text NOT NULL,
	`source` text NOT NULL,
	`confidence` real NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`prompt_version` text NOT NULL,
	`model` text,
	`run_id` text,
	`scored_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_scores_score_idx` ON `contact_scores` ("score" DESC,`contact_id`);--> statement-breakpoint
CREATE INDEX `contact_scores_tier_idx` ON `contact_scores` (`tier`,"score" DESC,`contact_id`);--> statement-breakpoint
CREATE TABLE `lead_import_refusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`line` integer NOT NULL,
	`reasons` text NOT NULL,
	`cells` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `lead_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_import_refusals_import_idx` ON `lead_import_refusals` (`import_id`,`line`);--> statement-breakpoint
CREATE TABLE `lead_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text DEFAULT 'uploaded' NOT NULL,
	`filename` text NOT NULL,
	`path` text,
	`bytes` integer NOT NULL,
	`headers` text DEFAULT '[]' NOT NULL,
	`mapping` text,
	`created_by` text,
	`owner_id` text,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`bytes_done` integer DEFAULT 0 NOT NULL,
	`contacts_created` integer DEFAULT 0 NOT NULL,
	`contacts_merged` integer DEFAULT 0 NOT NULL,
	`contacts_unchanged` integer DEFAULT 0 NOT NULL,
	`companies_created` integer DEFAULT 0 NOT NULL,
	`companies_merged` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`suppressed` integer DEFAULT 0 NOT NULL,
	`countries_resolved` integer DEFAULT 0 NOT NULL,
	`conflicts` integer DEFAULT 0 NOT NULL,
	`conflict_samples` text DEFAULT '[]' NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `lead_imports_created_idx` ON `lead_imports` (`created_at`);--> statement-breakpoint
CREATE TABLE `plan_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`action` text NOT NULL,
	`params` text NOT NULL,
	`confidence` real NOT NULL,
	`reason` text NOT NULL,
	`verdict` text NOT NULL,
	`verdict_reason` text NOT NULL,
	`status` text NOT NULL,
	`verification` text,
	`result_ref` text,
	`decided_by` text,
	`decided_at` integer,
	`reject_reason` text,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_steps_plan_idx` ON `plan_steps` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goal` text NOT NULL,
	`contact_id` integer,
	`company_id` integer NOT NULL,
	`status` text DEFAULT 'planning' NOT NULL,
	`reasoning` text,
	`provenance` text,
	`prompt_version` text,
	`autonomy` text NOT NULL,
	`run_id` text,
	`thread_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plans_created_idx` ON `plans` (`created_at`);--> statement-breakpoint
CREATE INDEX `plans_contact_idx` ON `plans` (`contact_id`);--> statement-breakpoint
CREATE INDEX `plans_company_idx` ON `plans` (`company_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`contact_id` integer,
	`company_id` integer,
	`title` text NOT NULL,
	`due_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` text,
	`created_by` text,
	`plan_step_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_contact_idx` ON `tasks` (`contact_id`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_company_idx` ON `tasks` (`company_id`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_idx` ON `tasks` (`assignee_id`,`status`);--> statement-breakpoint
CREATE TABLE `objection_coachings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`email_id` integer,
	`note` text,
	`draft_id` integer,
	`objection` text NOT NULL,
	`confidence` real NOT NULL,
	`vertical` text NOT NULL,
	`playbook_version` integer NOT NULL,
	`sentences` text NOT NULL,
	`provenance` text NOT NULL,
	`prompt_version` text NOT NULL,
	`run_id` text,
	`thread_id` text,
	`requested_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`email_id`) REFERENCES `emails`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `objection_coachings_draft_idx` ON `objection_coachings` (`draft_id`);--> statement-breakpoint
CREATE INDEX `objection_coachings_contact_idx` ON `objection_coachings` (`contact_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `objection_playbooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vertical` text NOT NULL,
	`version` integer NOT NULL,
	`entries` text NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objection_playbooks_vertical_version_uq` ON `objection_playbooks` (`vertical`,`version`);--> statement-breakpoint
ALTER TABLE `campaign_enrollments` ADD `stop_reason` text;--> statement-breakpoint
ALTER TABLE `campaign_enrollments` ADD `paused_until` integer;--> statement-breakpoint
ALTER TABLE `campaign_enrollments` ADD `last_event` text;--> statement-breakpoint
ALTER TABLE `campaign_enrollments` ADD `last_event_at` integer;--> statement-breakpoint
ALTER TABLE `campaign_enrollments` ADD `deferred_reason` text;--> statement-breakpoint
ALTER TABLE `campaign_enrollments` ADD `predicted_send_at` integer;--> statement-breakpoint
ALTER TABLE `drafts` ADD `kind` text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD `document` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `step` integer;--> statement-breakpoint
CREATE INDEX `drafts_enrollment_idx` ON `drafts` (`enrollment_id`,`status`);--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `stop_on_company_reply` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `allow_overlap` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `cooldown_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `plan` text;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `panel` text;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `launched_at` integer;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `mailbox_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `recipient_domain` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `not_before` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `deferred_reason` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `predicted_send_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_mailbox_claimed_idx` ON `outbox` (`mailbox_id`,`claimed_at`);--> statement-breakpoint
CREATE INDEX `outbox_domain_claimed_idx` ON `outbox` (`recipient_domain`,`claimed_at`);