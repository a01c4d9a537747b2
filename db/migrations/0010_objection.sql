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
CREATE UNIQUE INDEX `objection_playbooks_vertical_version_uq` ON `objection_playbooks` (`vertical`,`version`);