DROP INDEX `outcomes_contact_idx`;--> statement-breakpoint
CREATE INDEX `outcomes_contact_idx` ON `outcomes` (`contact_id`,`label`,`email_id`);