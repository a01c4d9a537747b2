CREATE TABLE `budget_ledger` (
	`graph` text NOT NULL,
	`day` text NOT NULL,
	`spent_usd` real DEFAULT 0 NOT NULL,
	`reserved_usd` real DEFAULT 0 NOT NULL,
	`warned_at` integer,
	`exhausted_at` integer,
	PRIMARY KEY(`graph`, `day`)
);
