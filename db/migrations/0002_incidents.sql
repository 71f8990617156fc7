CREATE TABLE `import_presets` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`name` text NOT NULL,
	`mapping` text NOT NULL,
	`date_order` text,
	`sheet` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_name_idx` ON `import_presets` (`module`,`name`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`date_precision` text NOT NULL,
	`date_start` text NOT NULL,
	`date_end` text NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`admin_area` text DEFAULT '' NOT NULL,
	`area_id` text,
	`place_name` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`location_precision` text,
	`category` text DEFAULT '' NOT NULL,
	`sub_category` text DEFAULT '' NOT NULL,
	`organisation_affected` text DEFAULT '' NOT NULL,
	`perpetrator_type` text DEFAULT '' NOT NULL,
	`perpetrator_name` text DEFAULT '' NOT NULL,
	`weapon` text DEFAULT '' NOT NULL,
	`killed` integer,
	`killed_national` integer,
	`killed_international` integer,
	`injured` integer,
	`injured_national` integer,
	`injured_international` integer,
	`kidnapped` integer,
	`kidnapped_national` integer,
	`kidnapped_international` integer,
	`arrested` integer,
	`arrested_national` integer,
	`arrested_international` integer,
	`near_miss` integer DEFAULT false NOT NULL,
	`severity` text,
	`narrative` text DEFAULT '' NOT NULL,
	`actions_taken` text DEFAULT '' NOT NULL,
	`follow_up` text DEFAULT '' NOT NULL,
	`confidentiality` text DEFAULT 'normal' NOT NULL,
	`external_id` text,
	`source` text,
	`needs_review` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `incidents_date_idx` ON `incidents` (`date_start`,`date_end`);--> statement-breakpoint
CREATE INDEX `incidents_date_sort_idx` ON `incidents` (`date`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_category_idx` ON `incidents` (`category`);--> statement-breakpoint
CREATE INDEX `incidents_severity_idx` ON `incidents` (`severity`);--> statement-breakpoint
CREATE INDEX `incidents_area_idx` ON `incidents` (`area_id`);--> statement-breakpoint
CREATE INDEX `incidents_country_idx` ON `incidents` (`country`);--> statement-breakpoint
CREATE INDEX `incidents_org_idx` ON `incidents` (`organisation_affected`);--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_external_idx` ON `incidents` (`source`,`external_id`) WHERE external_id IS NOT NULL;