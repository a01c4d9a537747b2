ALTER TABLE `drafts` ADD `kind` text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD `document` text;