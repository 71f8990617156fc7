CREATE TABLE `map_basemaps` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`tile_type` text NOT NULL,
	`schema` text NOT NULL,
	`metadata` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `map_features` (
	`id` text PRIMARY KEY NOT NULL,
	`layer_id` text NOT NULL,
	`seq` integer NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`geometry` text NOT NULL,
	`properties` text NOT NULL,
	FOREIGN KEY (`layer_id`) REFERENCES `map_layers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `map_features_layer_idx` ON `map_features` (`layer_id`,`seq`);--> statement-breakpoint
CREATE TABLE `map_layers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`source_format` text NOT NULL,
	`source_name` text NOT NULL,
	`colour` text NOT NULL,
	`line_width` real NOT NULL,
	`opacity` real NOT NULL,
	`visible` integer DEFAULT true NOT NULL,
	`feature_count` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `map_zones` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`geometry` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `map_zones_name_idx` ON `map_zones` (`name`);