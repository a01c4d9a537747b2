CREATE TABLE `draft_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`instruction` text,
	`requested_by` text,
	`outcome` text NOT NULL,
	`note` text,
	`previous_subject` text NOT NULL,
	`previous_body` text NOT NULL,
	`previous_model` text NOT NULL,
	`previous_prompt_version` text NOT NULL,
	`previous_provenance` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_revisions_draft_seq_uq` ON `draft_revisions` (`draft_id`,`seq`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `reject_label` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `revisions` integer DEFAULT 0 NOT NULL;