CREATE TABLE `incident_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_attachments_incident_idx` ON `incident_attachments` (`incident_id`);--> statement-breakpoint
CREATE TABLE `radio_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`slot` text NOT NULL,
	`call_sign` text NOT NULL,
	`status` text NOT NULL,
	`relayed_by` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`checked_at` text NOT NULL,
	`checked_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `radio_checks_slot_idx` ON `radio_checks` (`day`,`slot`,`call_sign`);--> statement-breakpoint
CREATE TABLE `vehicle_drivers` (
	`vehicle_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`vehicle_id`, `person_id`),
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `vehicle_drivers_person_idx` ON `vehicle_drivers` (`person_id`);--> statement-breakpoint
ALTER TABLE `incidents` ADD `manager_reported_at` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `regional_reported_at` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `written_reported_at` text;