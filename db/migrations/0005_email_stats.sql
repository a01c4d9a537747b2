CREATE TABLE `campaign_email_stats` (
	`campaign_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`outbound` integer DEFAULT 0 NOT NULL,
	`opened` integer DEFAULT 0 NOT NULL,
	`inbound` integer DEFAULT 0 NOT NULL,
	`bounced` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `contact_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `contact_email_stats` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`outbound` integer DEFAULT 0 NOT NULL,
	`opened` integer DEFAULT 0 NOT NULL,
	`inbound` integer DEFAULT 0 NOT NULL,
	`bounced` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `emails_sent_idx`;--> statement-breakpoint
CREATE INDEX `emails_bounced_idx` ON `emails` (`bounced_at`) WHERE `bounced_at` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `emails_sent_idx` ON `emails` (`sent_at`,`direction`);--> statement-breakpoint
CREATE INDEX `enrollments_campaign_status_idx` ON `campaign_enrollments` (`campaign_id`,`status`);--> statement-breakpoint
-- Hand-written below this line: drizzle-kit does not model triggers. The stats are derived data and
-- these triggers are their only writers. A row whose outbound and inbound counts are both zero
-- counts no email of either direction and is removed.
CREATE TRIGGER `emails_stats_insert` AFTER INSERT ON `emails` BEGIN
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
CREATE TRIGGER `emails_stats_delete` AFTER DELETE ON `emails` BEGIN
	UPDATE `contact_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `contact_id` = OLD.`contact_id`;
	DELETE FROM `contact_email_stats` WHERE `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0;
	UPDATE `campaign_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id`;
	DELETE FROM `campaign_email_stats` WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `emails_stats_update` AFTER UPDATE OF `contact_id`, `campaign_id`, `direction`, `opened_at`, `bounced_at` ON `emails` BEGIN
	UPDATE `contact_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `contact_id` = OLD.`contact_id`;
	DELETE FROM `contact_email_stats` WHERE `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0;
	UPDATE `campaign_email_stats` SET `outbound` = `outbound` - (OLD.`direction` = 'outbound'), `opened` = `opened` - (OLD.`direction` = 'outbound' AND OLD.`opened_at` IS NOT NULL), `inbound` = `inbound` - (OLD.`direction` = 'inbound'), `bounced` = `bounced` - (OLD.`bounced_at` IS NOT NULL) WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id`;
	DELETE FROM `campaign_email_stats` WHERE `campaign_id` = OLD.`campaign_id` AND `contact_id` = OLD.`contact_id` AND `outbound` = 0 AND `inbound` = 0;
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
INSERT INTO `contact_email_stats` (`contact_id`, `outbound`, `opened`, `inbound`, `bounced`)
SELECT `contact_id`, sum(`direction` = 'outbound'), sum(`direction` = 'outbound' AND `opened_at` IS NOT NULL), sum(`direction` = 'inbound'), sum(`bounced_at` IS NOT NULL)
FROM `emails` WHERE true GROUP BY `contact_id`;
--> statement-breakpoint
INSERT INTO `campaign_email_stats` (`campaign_id`, `contact_id`, `outbound`, `opened`, `inbound`, `bounced`)
SELECT `campaign_id`, `contact_id`, sum(`direction` = 'outbound'), sum(`direction` = 'outbound' AND `opened_at` IS NOT NULL), sum(`direction` = 'inbound'), sum(`bounced_at` IS NOT NULL)
FROM `emails` WHERE `campaign_id` IS NOT NULL GROUP BY `campaign_id`, `contact_id`;
