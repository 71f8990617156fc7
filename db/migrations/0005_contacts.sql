CREATE TABLE `contact_links` (
	`id` text PRIMARY KEY NOT NULL,
	`from_contact_id` text NOT NULL,
	`to_contact_id` text NOT NULL,
	`relation` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`from_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_links_pair_idx` ON `contact_links` (`from_contact_id`,`to_contact_id`);--> statement-breakpoint
CREATE INDEX `contact_links_to_idx` ON `contact_links` (`to_contact_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`organisation_id` text,
	`role` text DEFAULT '' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`call_sign` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`messaging` text DEFAULT '[]' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`languages` text DEFAULT '' NOT NULL,
	`relationship_owner` text DEFAULT '' NOT NULL,
	`trust_note` text DEFAULT '' NOT NULL,
	`last_contact_date` text,
	`sensitive` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`external_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`name`);--> statement-breakpoint
CREATE INDEX `contacts_organisation_idx` ON `contacts` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `contacts_last_contact_idx` ON `contacts` (`last_contact_date`);--> statement-breakpoint
CREATE INDEX `contacts_external_idx` ON `contacts` (`external_id`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`contact_id` text,
	`organisation_id` text,
	`by_whom` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`follow_up` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interactions_contact_idx` ON `interactions` (`contact_id`,`date`);--> statement-breakpoint
CREATE INDEX `interactions_organisation_idx` ON `interactions` (`organisation_id`,`date`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`area_id` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `organisations_name_idx` ON `organisations` (`name`);--> statement-breakpoint
CREATE INDEX `organisations_area_idx` ON `organisations` (`area_id`);