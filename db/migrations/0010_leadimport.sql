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
CREATE INDEX `lead_imports_created_idx` ON `lead_imports` (`created_at`);