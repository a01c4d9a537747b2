DROP INDEX `outbox_mailbox_claimed_idx`;--> statement-breakpoint
DROP INDEX `outbox_domain_claimed_idx`;--> statement-breakpoint
DROP INDEX `outbox_contact_claimed_idx`;--> statement-breakpoint
CREATE INDEX `outbox_mailbox_claimed_idx` ON `outbox` (`mailbox_id`,`claimed_at`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_domain_claimed_idx` ON `outbox` (`recipient_domain`,`claimed_at`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_contact_claimed_idx` ON `outbox` (`contact_id`,`claimed_at`,`status`);