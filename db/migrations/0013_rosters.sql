CREATE TABLE `roster_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`day` text NOT NULL,
	`staff_id` text NOT NULL,
	`post_id` text NOT NULL,
	`shift_id` text NOT NULL,
	`manual` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `roster_staff`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`post_id`) REFERENCES `roster_posts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`shift_id`) REFERENCES `roster_shifts`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `roster_assignments_month` ON `roster_assignments` (`month`,`day`);--> statement-breakpoint
CREATE INDEX `roster_assignments_staff` ON `roster_assignments` (`staff_id`,`day`);--> statement-breakpoint
CREATE UNIQUE INDEX `roster_assignments_cell` ON `roster_assignments` (`day`,`staff_id`,`post_id`,`shift_id`);--> statement-breakpoint
CREATE TABLE `roster_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`month` text NOT NULL,
	`rating` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `roster_staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `roster_feedback_staff` ON `roster_feedback` (`staff_id`,`month`);--> statement-breakpoint
CREATE TABLE `roster_leave` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `roster_staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `roster_leave_staff` ON `roster_leave` (`staff_id`);--> statement-breakpoint
CREATE TABLE `roster_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`premises_id` text NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`premises_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `roster_posts_premises` ON `roster_posts` (`premises_id`);--> statement-breakpoint
CREATE TABLE `roster_presence` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`post_id` text NOT NULL,
	`shift_id` text NOT NULL,
	`staff_id` text,
	`status` text NOT NULL,
	`replaced_by_id` text,
	`replaced_by_name` text DEFAULT '' NOT NULL,
	`checked_by` text NOT NULL,
	`checked_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`ad_hoc` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `roster_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shift_id`) REFERENCES `roster_shifts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `roster_staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`replaced_by_id`) REFERENCES `roster_staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `roster_presence_day` ON `roster_presence` (`day`,`post_id`,`shift_id`);--> statement-breakpoint
CREATE INDEX `roster_presence_staff` ON `roster_presence` (`staff_id`,`day`);--> statement-breakpoint
CREATE TABLE `roster_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`max_shifts_per_week` integer NOT NULL,
	`min_rest_hours` integer NOT NULL,
	`no_day_after_night` integer NOT NULL,
	`days_off_per_month` integer NOT NULL,
	`fairness` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `roster_shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`needed` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `roster_posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `roster_shifts_post` ON `roster_shifts` (`post_id`,`position`);--> statement-breakpoint
CREATE TABLE `roster_staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`employer` text DEFAULT '' NOT NULL,
	`start_date` text,
	`training` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `roster_staff_name` ON `roster_staff` (`name`);