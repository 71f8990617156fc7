CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`due_date` text,
	`cost_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `risk_config` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `risk_measure_links` (
	`risk_id` text NOT NULL,
	`measure_id` text NOT NULL,
	PRIMARY KEY(`risk_id`, `measure_id`),
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `risk_measure_links_measure_idx` ON `risk_measure_links` (`measure_id`);--> statement-breakpoint
CREATE TABLE `risk_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`risk_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`kind` text NOT NULL,
	`changes` text NOT NULL,
	`inherent_level_before` integer,
	`inherent_level_after` integer NOT NULL,
	`residual_level_before` integer,
	`residual_level_after` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `risk_reviews_risk_idx` ON `risk_reviews` (`risk_id`,`at`);--> statement-breakpoint
CREATE INDEX `risk_reviews_at_idx` ON `risk_reviews` (`at`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`threat` text DEFAULT '' NOT NULL,
	`cause` text DEFAULT '' NOT NULL,
	`consequence` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`area_id` text,
	`premises_id` text,
	`programme` text DEFAULT '' NOT NULL,
	`exposed` text NOT NULL,
	`inherent_likelihood` integer NOT NULL,
	`inherent_impact` integer NOT NULL,
	`inherent_level` integer NOT NULL,
	`residual_likelihood` integer NOT NULL,
	`residual_impact` integer NOT NULL,
	`residual_level` integer NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`accepted_by` text DEFAULT '' NOT NULL,
	`accepted_on` text,
	`acceptance_valid_until` text,
	`next_review` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`external_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "risks_inherent_l" CHECK(inherent_likelihood BETWEEN 1 AND 5),
	CONSTRAINT "risks_inherent_i" CHECK(inherent_impact BETWEEN 1 AND 5),
	CONSTRAINT "risks_residual_l" CHECK(residual_likelihood BETWEEN 1 AND 5),
	CONSTRAINT "risks_residual_i" CHECK(residual_impact BETWEEN 1 AND 5),
	CONSTRAINT "risks_inherent_level" CHECK(inherent_level BETWEEN 1 AND 5),
	CONSTRAINT "risks_residual_level" CHECK(residual_level BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risks_reference_idx` ON `risks` (`reference`);--> statement-breakpoint
CREATE INDEX `risks_next_review_idx` ON `risks` (`next_review`);--> statement-breakpoint
CREATE INDEX `risks_category_idx` ON `risks` (`category`);