CREATE TABLE `tiktok_connect_states` (
	`shop_id` text NOT NULL,
	`jti` text NOT NULL,
	`expires_at` integer NOT NULL,
	`started_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `jti`)
);
