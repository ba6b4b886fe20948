ALTER TABLE `email_messages` ADD `folder_path` text;--> statement-breakpoint
ALTER TABLE `email_messages` ADD `uid` integer;--> statement-breakpoint
ALTER TABLE `email_messages` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `email_messages` ADD `auto_reply` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `email_messages` ADD `calendar` text;--> statement-breakpoint
CREATE INDEX `email_messages_location` ON `email_messages` (`account_id`,`folder_path`,`uid`);