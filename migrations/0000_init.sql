CREATE TABLE `image_cache` (
	`shop_id` text NOT NULL,
	`source_url` text NOT NULL,
	`use_case` text NOT NULL,
	`uri` text NOT NULL,
	`url` text,
	`width` integer,
	`height` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `source_url`, `use_case`)
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`status` text NOT NULL,
	`cursor` text,
	`imported` integer DEFAULT 0 NOT NULL,
	`total` integer,
	`error` text,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `imports_shop_status` ON `imports` (`shop_id`,`status`);--> statement-breakpoint
CREATE TABLE `product_sync` (
	`shop_id` text NOT NULL,
	`product_id` text NOT NULL,
	`sync_state` text DEFAULT 'not_synced' NOT NULL,
	`review_state` text DEFAULT 'none' NOT NULL,
	`review_reasons` text,
	`tiktok_product_id` text,
	`tiktok_skus` text,
	`template_id` text,
	`template_version` integer,
	`run_id` text,
	`last_error_code` text,
	`last_error_message` text,
	`last_error_fix` text,
	`last_request_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`lease_until` integer,
	`lease_token` text,
	`create_in_flight_key` text,
	`content_hash` text,
	`price_hash` text,
	`inventory_hash` text,
	`synced_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `product_id`)
);
--> statement-breakpoint
CREATE INDEX `product_sync_shop_state` ON `product_sync` (`shop_id`,`sync_state`);--> statement-breakpoint
CREATE INDEX `product_sync_shop_run` ON `product_sync` (`shop_id`,`run_id`,`sync_state`);--> statement-breakpoint
CREATE INDEX `product_sync_shop_template` ON `product_sync` (`shop_id`,`template_id`);--> statement-breakpoint
CREATE INDEX `product_sync_shop_tiktok` ON `product_sync` (`shop_id`,`tiktok_product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`gid` text NOT NULL,
	`title` text NOT NULL,
	`body_html` text,
	`vendor` text,
	`product_type` text,
	`handle` text,
	`status` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`category_id` text,
	`category_name` text,
	`category_full_name` text,
	`collection_ids` text DEFAULT '[]' NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`images` text DEFAULT '[]' NOT NULL,
	`shopify_updated_at` integer NOT NULL,
	`search_title` text DEFAULT '' NOT NULL,
	`search_vendor` text DEFAULT '' NOT NULL,
	`search_type` text DEFAULT '' NOT NULL,
	`search_tags` text DEFAULT '' NOT NULL,
	`search_category` text DEFAULT '' NOT NULL,
	`search_collections` text DEFAULT '' NOT NULL,
	`search_variant_titles` text DEFAULT '' NOT NULL,
	`search_variant_skus` text DEFAULT '' NOT NULL,
	`search_prices` text DEFAULT '' NOT NULL,
	`search_compare_at_prices` text DEFAULT '' NOT NULL,
	`search_weights` text DEFAULT '' NOT NULL,
	`search_inventories` text DEFAULT '' NOT NULL,
	`variant_count` integer DEFAULT 0 NOT NULL,
	`price_min` real,
	`price_max` real,
	`compare_at_min` real,
	`compare_at_max` real,
	`weight_min_g` real,
	`weight_max_g` real,
	`inventory_min` integer,
	`inventory_max` integer,
	`inventory_total` integer DEFAULT 0 NOT NULL,
	`variants_incomplete` integer DEFAULT false NOT NULL,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `products_shop_title` ON `products` (`shop_id`,`search_title`);--> statement-breakpoint
CREATE INDEX `products_shop_updated` ON `products` (`shop_id`,`shopify_updated_at`);--> statement-breakpoint
CREATE TABLE `shops` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`currency` text,
	`weight_unit` text,
	`shopify_access_token_enc` text,
	`shopify_refresh_token_enc` text,
	`shopify_token_expires_at` integer,
	`shopify_refresh_expires_at` integer,
	`shopify_scopes` text,
	`tiktok_access_token_enc` text,
	`tiktok_refresh_token_enc` text,
	`tiktok_access_expires_at` integer,
	`tiktok_refresh_expires_at` integer,
	`tiktok_shop_id` text,
	`tiktok_shop_cipher` text,
	`tiktok_shop_name` text,
	`tiktok_region` text,
	`tiktok_warehouse_id` text,
	`push_content_edits` integer DEFAULT false NOT NULL,
	`unit_system` text DEFAULT 'metric' NOT NULL,
	`listing_quota_daily` integer DEFAULT 1000 NOT NULL,
	`listing_quota_day` text,
	`listing_quota_used` integer DEFAULT 0 NOT NULL,
	`listing_quota_paused_until` integer,
	`tiktok_reconciled_at` integer,
	`installed_at` integer,
	`uninstalled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shops_tiktok_shop_id` ON `shops` (`tiktok_shop_id`);--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`template_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`overrides` text,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `sync_runs_shop_status` ON `sync_runs` (`shop_id`,`status`);--> statement-breakpoint
CREATE TABLE `template_rules` (
	`shop_id` text NOT NULL,
	`template_id` text NOT NULL,
	`position` integer NOT NULL,
	`column` text NOT NULL,
	`relation` text NOT NULL,
	`condition` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`shop_id`, `template_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`is_active` integer DEFAULT false NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`match_mode` text DEFAULT 'all' NOT NULL,
	`category_id` text,
	`category_path` text DEFAULT '[]' NOT NULL,
	`category_version` text,
	`category_permissions` text DEFAULT '[]' NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	`certifications` text DEFAULT '[]' NOT NULL,
	`size_chart` text,
	`shipping` text DEFAULT '{}' NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`activated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `templates_shop_priority` ON `templates` (`shop_id`,`priority`);--> statement-breakpoint
CREATE UNIQUE INDEX `templates_shop_default` ON `templates` (`shop_id`) WHERE "templates"."is_default" = 1;--> statement-breakpoint
CREATE TABLE `tiktok_cache` (
	`shop_id` text NOT NULL,
	`key` text NOT NULL,
	`body` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `variants` (
	`shop_id` text NOT NULL,
	`product_id` text NOT NULL,
	`id` text NOT NULL,
	`gid` text NOT NULL,
	`title` text,
	`sku` text,
	`barcode` text,
	`price` text NOT NULL,
	`compare_at_price` text,
	`inventory_quantity` integer DEFAULT 0 NOT NULL,
	`inventory_item_id` text,
	`weight_grams` real,
	`weight_value` real,
	`weight_unit` text,
	`option1` text,
	`option2` text,
	`option3` text,
	`position` integer DEFAULT 1 NOT NULL,
	`image_src` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `product_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `variants_shop_inventory_item` ON `variants` (`shop_id`,`inventory_item_id`);--> statement-breakpoint
CREATE INDEX `variants_shop_sku` ON `variants` (`shop_id`,`sku`);--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`shop_id` text NOT NULL,
	`source` text NOT NULL,
	`delivery_id` text NOT NULL,
	`event_id` text,
	`topic` text NOT NULL,
	`triggered_at` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `source`, `delivery_id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_receipts_event` ON `webhook_receipts` (`shop_id`,`source`,`topic`,`event_id`);--> statement-breakpoint
CREATE INDEX `webhook_receipts_shop_received` ON `webhook_receipts` (`shop_id`,`received_at`);