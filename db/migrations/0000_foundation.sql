CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`adapter` text NOT NULL,
	`command` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`payload_digest` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`external_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `areas_parent_idx` ON `areas` (`parent_id`);--> statement-breakpoint
CREATE TABLE `phase_declarations` (
	`id` text PRIMARY KEY NOT NULL,
	`area_id` text NOT NULL,
	`scale` text NOT NULL,
	`level` integer NOT NULL,
	`reason` text NOT NULL,
	`declared_at` text NOT NULL,
	`declared_by` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `phase_declarations_area_idx` ON `phase_declarations` (`area_id`,`declared_at`);--> statement-breakpoint
CREATE TABLE `premises` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`area_id` text,
	`address` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`focal_point` text DEFAULT '' NOT NULL,
	`safe_room` integer DEFAULT false NOT NULL,
	`safe_room_notes` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`external_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `premises_area_idx` ON `premises` (`area_id`);--> statement-breakpoint
CREATE INDEX `premises_name_idx` ON `premises` (`name`);