ALTER TABLE `outbox` ADD `mailbox_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `recipient_domain` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `not_before` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `deferred_reason` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `predicted_send_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_mailbox_claimed_idx` ON `outbox` (`mailbox_id`,`claimed_at`);--> statement-breakpoint
CREATE INDEX `outbox_domain_claimed_idx` ON `outbox` (`recipient_domain`,`claimed_at`);