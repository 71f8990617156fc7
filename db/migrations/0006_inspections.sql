CREATE TABLE `corrective_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`item_id` text NOT NULL,
	`premises_id` text NOT NULL,
	`title` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`closing_note` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `inspection_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `corrective_actions_status` ON `corrective_actions` (`status`,`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `corrective_actions_item` ON `corrective_actions` (`item_id`);--> statement-breakpoint
CREATE TABLE `equipment` (
	`id` text PRIMARY KEY NOT NULL,
	`premises_id` text NOT NULL,
	`kind` text NOT NULL,
	`type` text DEFAULT '' NOT NULL,
	`capacity` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`purchase_date` text,
	`last_check` text,
	`expiry_date` text,
	`next_check` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `equipment_premises` ON `equipment` (`premises_id`);--> statement-breakpoint
CREATE INDEX `equipment_expiry` ON `equipment` (`expiry_date`);--> statement-breakpoint
CREATE TABLE `inspection_items` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`position` integer NOT NULL,
	`item_key` text NOT NULL,
	`preset_key` text,
	`section` text NOT NULL,
	`label` text NOT NULL,
	`answer_type` text NOT NULL,
	`weight` integer NOT NULL,
	`critical` integer NOT NULL,
	`required` integer NOT NULL,
	`value` text,
	`note` text DEFAULT '' NOT NULL,
	`answered_at` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `inspection_items_inspection` ON `inspection_items` (`inspection_id`,`position`);--> statement-breakpoint
CREATE TABLE `inspection_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`item_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `inspection_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `inspection_photos_item` ON `inspection_photos` (`item_id`);--> statement-breakpoint
CREATE TABLE `inspection_template_items` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`position` integer NOT NULL,
	`item_key` text NOT NULL,
	`preset_key` text,
	`section` text NOT NULL,
	`label` text NOT NULL,
	`answer_type` text NOT NULL,
	`weight` integer NOT NULL,
	`critical` integer NOT NULL,
	`required` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `inspection_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `inspection_template_items_template` ON `inspection_template_items` (`template_id`,`position`);--> statement-breakpoint
CREATE TABLE `inspection_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`preset_key` text,
	`premises_type` text,
	`pass_threshold` real NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_templates_family_version` ON `inspection_templates` (`family_id`,`version`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`premises_id` text NOT NULL,
	`template_id` text NOT NULL,
	`pass_threshold` real NOT NULL,
	`inspector` text NOT NULL,
	`inspected_on` text NOT NULL,
	`status` text NOT NULL,
	`score` real,
	`passed` integer,
	`notes` text DEFAULT '' NOT NULL,
	`finished_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`template_id`) REFERENCES `inspection_templates`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `inspections_premises` ON `inspections` (`premises_id`,`inspected_on`);