ALTER TABLE `entries` ADD `call_from` text;--> statement-breakpoint
ALTER TABLE `entries` ADD `call_to` text;