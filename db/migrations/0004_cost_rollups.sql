CREATE TABLE `llm_cost_daily` (
	`day` text NOT NULL,
	`graph` text NOT NULL,
	`feature` text NOT NULL,
	`vertical` text NOT NULL,
	`model` text NOT NULL,
	`cache_hit` integer NOT NULL,
	`status` text NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`tokens_in` integer DEFAULT 0 NOT NULL,
	`tokens_out` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `graph`, `feature`, `vertical`, `model`, `cache_hit`, `status`)
);
--> statement-breakpoint
CREATE TABLE `llm_cost_runs` (
	`run_id` text PRIMARY KEY NOT NULL,
	`graph` text NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`tokens` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `llm_cost_runs_cost_idx` ON `llm_cost_runs` (`cost_usd`,`run_id`);--> statement-breakpoint
CREATE INDEX `llm_cost_runs_last_idx` ON `llm_cost_runs` (`last_at`);--> statement-breakpoint
-- Hand-written below this line: drizzle-kit does not model triggers. The rollups are derived data;
-- these triggers are their only writers, so every path that touches llm_calls keeps them exact.
CREATE TRIGGER `llm_calls_rollup_insert` AFTER INSERT ON `llm_calls` BEGIN
	INSERT INTO `llm_cost_daily` (`day`, `graph`, `feature`, `vertical`, `model`, `cache_hit`, `status`, `calls`, `cost_usd`, `tokens_in`, `tokens_out`)
	VALUES (strftime('%Y-%m-%d', NEW.`created_at` / 1000, 'unixepoch'), NEW.`graph`, NEW.`feature`, coalesce(NEW.`vertical`, 'none'), NEW.`model`, NEW.`cache_hit`, NEW.`status`, 1, NEW.`cost_usd`, NEW.`tokens_in`, NEW.`tokens_out`)
	ON CONFLICT DO UPDATE SET `calls` = `calls` + 1, `cost_usd` = `cost_usd` + excluded.`cost_usd`,
		`tokens_in` = `tokens_in` + excluded.`tokens_in`, `tokens_out` = `tokens_out` + excluded.`tokens_out`;
	INSERT INTO `llm_cost_runs` (`run_id`, `graph`, `first_at`, `last_at`, `calls`, `cost_usd`, `tokens`)
	SELECT NEW.`run_id`, NEW.`graph`, NEW.`created_at`, NEW.`created_at`, 1, NEW.`cost_usd`, NEW.`tokens_in` + NEW.`tokens_out`
	WHERE NEW.`run_id` IS NOT NULL
	ON CONFLICT DO UPDATE SET `graph` = min(`graph`, excluded.`graph`), `first_at` = min(`first_at`, excluded.`first_at`),
		`last_at` = max(`last_at`, excluded.`last_at`), `calls` = `calls` + 1, `cost_usd` = `cost_usd` + excluded.`cost_usd`,
		`tokens` = `tokens` + excluded.`tokens`;
END;
--> statement-breakpoint
CREATE TRIGGER `llm_calls_rollup_delete` AFTER DELETE ON `llm_calls` BEGIN
	UPDATE `llm_cost_daily` SET `calls` = `calls` - 1, `cost_usd` = `cost_usd` - OLD.`cost_usd`,
		`tokens_in` = `tokens_in` - OLD.`tokens_in`, `tokens_out` = `tokens_out` - OLD.`tokens_out`
	WHERE `day` = strftime('%Y-%m-%d', OLD.`created_at` / 1000, 'unixepoch') AND `graph` = OLD.`graph` AND `feature` = OLD.`feature`
		AND `vertical` = coalesce(OLD.`vertical`, 'none') AND `model` = OLD.`model` AND `cache_hit` = OLD.`cache_hit` AND `status` = OLD.`status`;
	DELETE FROM `llm_cost_daily` WHERE `calls` <= 0 AND `day` = strftime('%Y-%m-%d', OLD.`created_at` / 1000, 'unixepoch');
	DELETE FROM `llm_cost_runs` WHERE `run_id` = OLD.`run_id`;
	INSERT INTO `llm_cost_runs` (`run_id`, `graph`, `first_at`, `last_at`, `calls`, `cost_usd`, `tokens`)
	SELECT `run_id`, min(`graph`), min(`created_at`), max(`created_at`), count(*), sum(`cost_usd`), sum(`tokens_in` + `tokens_out`)
	FROM `llm_calls` WHERE `run_id` = OLD.`run_id` GROUP BY `run_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `llm_calls_rollup_update` AFTER UPDATE ON `llm_calls` BEGIN
	UPDATE `llm_cost_daily` SET `calls` = `calls` - 1, `cost_usd` = `cost_usd` - OLD.`cost_usd`,
		`tokens_in` = `tokens_in` - OLD.`tokens_in`, `tokens_out` = `tokens_out` - OLD.`tokens_out`
	WHERE `day` = strftime('%Y-%m-%d', OLD.`created_at` / 1000, 'unixepoch') AND `graph` = OLD.`graph` AND `feature` = OLD.`feature`
		AND `vertical` = coalesce(OLD.`vertical`, 'none') AND `model` = OLD.`model` AND `cache_hit` = OLD.`cache_hit` AND `status` = OLD.`status`;
	INSERT INTO `llm_cost_daily` (`day`, `graph`, `feature`, `vertical`, `model`, `cache_hit`, `status`, `calls`, `cost_usd`, `tokens_in`, `tokens_out`)
	VALUES (strftime('%Y-%m-%d', NEW.`created_at` / 1000, 'unixepoch'), NEW.`graph`, NEW.`feature`, coalesce(NEW.`vertical`, 'none'), NEW.`model`, NEW.`cache_hit`, NEW.`status`, 1, NEW.`cost_usd`, NEW.`tokens_in`, NEW.`tokens_out`)
	ON CONFLICT DO UPDATE SET `calls` = `calls` + 1, `cost_usd` = `cost_usd` + excluded.`cost_usd`,
		`tokens_in` = `tokens_in` + excluded.`tokens_in`, `tokens_out` = `tokens_out` + excluded.`tokens_out`;
	DELETE FROM `llm_cost_daily` WHERE `calls` <= 0 AND `day` = strftime('%Y-%m-%d', OLD.`created_at` / 1000, 'unixepoch');
	DELETE FROM `llm_cost_runs` WHERE `run_id` IN (OLD.`run_id`, NEW.`run_id`);
	INSERT INTO `llm_cost_runs` (`run_id`, `graph`, `first_at`, `last_at`, `calls`, `cost_usd`, `tokens`)
	SELECT `run_id`, min(`graph`), min(`created_at`), max(`created_at`), count(*), sum(`cost_usd`), sum(`tokens_in` + `tokens_out`)
	FROM `llm_calls` WHERE `run_id` IN (OLD.`run_id`, NEW.`run_id`) GROUP BY `run_id`;
END;
--> statement-breakpoint
INSERT INTO `llm_cost_daily` (`day`, `graph`, `feature`, `vertical`, `model`, `cache_hit`, `status`, `calls`, `cost_usd`, `tokens_in`, `tokens_out`)
SELECT strftime('%Y-%m-%d', `created_at` / 1000, 'unixepoch'), `graph`, `feature`, coalesce(`vertical`, 'none'), `model`, `cache_hit`, `status`,
	count(*), sum(`cost_usd`), sum(`tokens_in`), sum(`tokens_out`)
FROM `llm_calls` WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO `llm_cost_runs` (`run_id`, `graph`, `first_at`, `last_at`, `calls`, `cost_usd`, `tokens`)
SELECT `run_id`, min(`graph`), min(`created_at`), max(`created_at`), count(*), sum(`cost_usd`), sum(`tokens_in` + `tokens_out`)
FROM `llm_calls` WHERE `run_id` IS NOT NULL GROUP BY `run_id`;
