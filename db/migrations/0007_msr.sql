CREATE TABLE `msr_evidence_files` (
	`item_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `msr_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `msr_item_measures` (
	`item_id` text NOT NULL,
	`measure_id` text NOT NULL,
	PRIMARY KEY(`item_id`, `measure_id`),
	FOREIGN KEY (`item_id`) REFERENCES `msr_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `msr_item_measures_measure_idx` ON `msr_item_measures` (`measure_id`);--> statement-breakpoint
CREATE TABLE `msr_items` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`part` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`origin` text NOT NULL,
	`status` text NOT NULL,
	`evidence_note` text DEFAULT '' NOT NULL,
	`evidence_date` text,
	`responsible` text DEFAULT '' NOT NULL,
	`due_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `msr_items_code_idx` ON `msr_items` (`code`);--> statement-breakpoint
CREATE INDEX `msr_items_part_idx` ON `msr_items` (`part`);--> statement-breakpoint
CREATE TABLE `msr_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `msr_snapshot_items` (
	`snapshot_id` text NOT NULL,
	`item_id` text NOT NULL,
	`code` text NOT NULL,
	`part` integer NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `item_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `msr_snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `msr_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`taken_at` text NOT NULL,
	`actor` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`overall` real
);
--> statement-breakpoint
CREATE INDEX `msr_snapshots_taken_idx` ON `msr_snapshots` (`taken_at`);