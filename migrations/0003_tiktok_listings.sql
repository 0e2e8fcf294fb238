CREATE TABLE `tiktok_listings` (
	`shop_id` text NOT NULL,
	`tiktok_product_id` text NOT NULL,
	`skus` text NOT NULL,
	`status` text NOT NULL,
	`external_product_id` text,
	`match` text DEFAULT 'unmatched' NOT NULL,
	`product_id` text,
	`reason` text,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `tiktok_product_id`)
);
--> statement-breakpoint
CREATE INDEX `tiktok_listings_shop_match` ON `tiktok_listings` (`shop_id`,`match`);--> statement-breakpoint
ALTER TABLE `shops` ADD `tiktok_connected_at` integer;--> statement-breakpoint
ALTER TABLE `shops` ADD `tiktok_inventory_at` integer;