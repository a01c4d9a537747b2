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
CREATE INDEX `contact_scores_tier_idx` ON `contact_scores` (`tier`,"score" DESC,`contact_id`);