ALTER TABLE `inspection_items` ADD `photo_required` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_template_items` ADD `photo_required` integer DEFAULT false NOT NULL;