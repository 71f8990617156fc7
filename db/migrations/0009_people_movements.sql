CREATE TABLE `briefings` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`kind` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `briefings_person_idx` ON `briefings` (`person_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`dependant_of_id` text,
	`organisation` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`radio_call_sign` text DEFAULT '' NOT NULL,
	`nationality` text DEFAULT '' NOT NULL,
	`passport_expiry` text,
	`blood_group` text,
	`emergency_contact` text DEFAULT '' NOT NULL,
	`residence_premises_id` text,
	`residence_address` text DEFAULT '' NOT NULL,
	`residence_latitude` real,
	`residence_longitude` real,
	`arrival_at` text,
	`departure_at` text,
	`status` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dependant_of_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`residence_premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `people_name_idx` ON `people` (`name`);--> statement-breakpoint
CREATE INDEX `people_status_idx` ON `people` (`status`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`course` text NOT NULL,
	`course_other` text DEFAULT '' NOT NULL,
	`completed_on` text NOT NULL,
	`expires_on` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trainings_person_idx` ON `trainings` (`person_id`);--> statement-breakpoint
CREATE TABLE `movement_acknowledgements` (
	`id` text PRIMARY KEY NOT NULL,
	`movement_id` text NOT NULL,
	`due_at` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `movement_acks_movement_idx` ON `movement_acknowledgements` (`movement_id`);--> statement-breakpoint
CREATE TABLE `movement_check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`movement_id` text NOT NULL,
	`at` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`by` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `movement_check_ins_movement_idx` ON `movement_check_ins` (`movement_id`);--> statement-breakpoint
CREATE TABLE `movement_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`overdue_margin_minutes` integer DEFAULT 30 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `movement_travellers` (
	`movement_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`movement_id`, `person_id`),
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `movement_travellers_person_idx` ON `movement_travellers` (`person_id`);--> statement-breakpoint
CREATE TABLE `movements` (
	`id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`driver_id` text,
	`vehicle_id` text,
	`purpose` text NOT NULL,
	`from_place` text NOT NULL,
	`to_place` text NOT NULL,
	`waypoints` text DEFAULT '[]' NOT NULL,
	`departure_at` text NOT NULL,
	`expected_arrival_at` text,
	`expected_return_at` text NOT NULL,
	`planned_check_ins` text DEFAULT '[]' NOT NULL,
	`communication` text DEFAULT '' NOT NULL,
	`call_signs` text DEFAULT '' NOT NULL,
	`risk_notes` text DEFAULT '' NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`conditions` text DEFAULT '' NOT NULL,
	`refusal_reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`driver_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `movements_departure_idx` ON `movements` (`departure_at`);--> statement-breakpoint
CREATE INDEX `movements_state_idx` ON `movements` (`state`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` text PRIMARY KEY NOT NULL,
	`plate` text NOT NULL,
	`type` text DEFAULT '' NOT NULL,
	`armoured` integer DEFAULT false NOT NULL,
	`tracker` integer DEFAULT false NOT NULL,
	`call_sign` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`insurance_expiry` text,
	`service_expiry` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
