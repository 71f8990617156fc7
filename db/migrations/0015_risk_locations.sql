CREATE TABLE `risk_areas` (
	`risk_id` text NOT NULL,
	`area_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`risk_id`, `area_id`),
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `risk_areas_area_idx` ON `risk_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `risk_premises` (
	`risk_id` text NOT NULL,
	`premises_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`risk_id`, `premises_id`),
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `risk_premises_premises_idx` ON `risk_premises` (`premises_id`);--> statement-breakpoint
INSERT INTO `risk_areas` (`risk_id`, `area_id`, `position`) SELECT `id`, `area_id`, 0 FROM `risks` WHERE `area_id` IS NOT NULL;--> statement-breakpoint
INSERT INTO `risk_premises` (`risk_id`, `premises_id`, `position`) SELECT `id`, `premises_id`, 0 FROM `risks` WHERE `premises_id` IS NOT NULL;
