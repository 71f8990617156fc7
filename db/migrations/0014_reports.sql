CREATE TABLE `report_preferences` (
	`kind` text PRIMARY KEY NOT NULL,
	`disabled_sections` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_summaries` (
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`kind`, `period`)
);
