DROP INDEX `enrollments_contact_idx`;--> statement-breakpoint
CREATE INDEX `enrollments_contact_idx` ON `campaign_enrollments` (`contact_id`,`campaign_id`);--> statement-breakpoint
ALTER TABLE `campaign_email_stats` ADD `enrolled` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_email_stats` ADD `enrollment_replied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written below this line. A campaign_email_stats row now also stands for an enrollment, so
-- the emails triggers remove a campaign row only when it has no email and no enrollment.
DROP TRIGGER `emails_stats_delete`;
--> statement-breakpoint
DROP TRIGGER `emails_stats_update`;
--> statement-breakpoint
CREATE TRIGGER `emails_stats_delete` AFTER DELETE ON `emails` BEGIN
	UPDATE `contact_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `contact_id` = OLD.`contact_id`;
	DELETE FROM `contact_email_stats` WHERE `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0;
	UPDATE `campaign_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id`;
	DELETE FROM `campaign_email_stats` WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0 AND `enrolled` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `emails_stats_update` AFTER UPDATE OF `contact_id`, `campaign_id`, `direction`, `opened_at`, `bounced_at` ON `emails` BEGIN
	UPDATE `contact_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `contact_id` = OLD.`contact_id`;
	DELETE FROM `contact_email_stats` WHERE `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0;
	UPDATE `campaign_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id`;
	DELETE FROM `campaign_email_stats` WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0 AND `enrolled` = 0;
	INSERT INTO `contact_email_stats` (`contact_id`, `outbound`, `opened`, `inbound`, `bounced`)
	VALUES (NEW.`contact_id`, (NEW.`direction` = 'outbound'), (NEW.`direction` = 'outbound' AND NEW.`opened_at` IS NOT NULL), (NEW.`direction` = 'inbound'), (NEW.`bounced_at` IS NOT NULL))
	ON CONFLICT DO UPDATE SET `outbound` = `outbound` + excluded.`outbound`, `opened` = `opened` + excluded.`opened`,
		`inbound` = `inbound` + excluded.`inbound`, `bounced` = `bounced` + excluded.`bounced`;
	INSERT INTO `campaign_email_stats` (`campaign_id`, `contact_id`, `outbound`, `opened`, `inbound`, `bounced`)
	SELECT NEW.`campaign_id`, NEW.`contact_id`, (NEW.`direction` = 'outbound'), (NEW.`direction` = 'outbound' AND NEW.`opened_at` IS NOT NULL), (NEW.`direction` = 'inbound'), (NEW.`bounced_at` IS NOT NULL) WHERE NEW.`campaign_id` IS NOT NULL
	ON CONFLICT DO UPDATE SET `outbound` = `outbound` + excluded.`outbound`, `opened` = `opened` + excluded.`opened`,
		`inbound` = `inbound` + excluded.`inbound`, `bounced` = `bounced` + excluded.`bounced`;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_stats_insert` AFTER INSERT ON `campaign_enrollments` BEGIN
	INSERT INTO `campaign_email_stats` (`campaign_id`, `contact_id`, `enrolled`, `enrollment_replied`)
	VALUES (NEW.`campaign_id`, NEW.`contact_id`, 1, NEW.`status` = 'replied')
	ON CONFLICT DO UPDATE SET `enrolled` = 1, `enrollment_replied` = excluded.`enrollment_replied`;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_stats_delete` AFTER DELETE ON `campaign_enrollments` BEGIN
	UPDATE `campaign_email_stats` SET `enrolled` = 0, `enrollment_replied` = 0 WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id`;
	DELETE FROM `campaign_email_stats` WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0 AND `enrolled` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_stats_update` AFTER UPDATE OF `campaign_id`, `contact_id`, `status` ON `campaign_enrollments` BEGIN
	UPDATE `campaign_email_stats` SET `enrolled` = 0, `enrollment_replied` = 0 WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id`;
	DELETE FROM `campaign_email_stats` WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0 AND `enrolled` = 0;
	INSERT INTO `campaign_email_stats` (`campaign_id`, `contact_id`, `enrolled`, `enrollment_replied`)
	VALUES (NEW.`campaign_id`, NEW.`contact_id`, 1, NEW.`status` = 'replied')
	ON CONFLICT DO UPDATE SET `enrolled` = 1, `enrollment_replied` = excluded.`enrollment_replied`;
END;
--> statement-breakpoint
INSERT INTO `campaign_email_stats` (`campaign_id`, `contact_id`, `enrolled`, `enrollment_replied`)
SELECT `campaign_id`, `contact_id`, 1, `status` = 'replied' FROM `campaign_enrollments` WHERE true
ON CONFLICT DO UPDATE SET `enrolled` = 1, `enrollment_replied` = excluded.`enrollment_replied`;
