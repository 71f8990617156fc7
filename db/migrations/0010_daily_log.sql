CREATE TABLE `daily_log_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`occurred_at` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`source_type` text NOT NULL,
	`reliability` text NOT NULL,
	`credibility` text NOT NULL,
	`area_id` text,
	`place_name` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`summary` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`follow_up` text DEFAULT '' NOT NULL,
	`promoted_incident_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`promoted_incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `daily_log_occurred_idx` ON `daily_log_entries` (`occurred_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `daily_log_incident_idx` ON `daily_log_entries` (`promoted_incident_id`) WHERE promoted_incident_id IS NOT NULL;