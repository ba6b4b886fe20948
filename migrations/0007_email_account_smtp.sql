ALTER TABLE `email_accounts` ADD `smtp_host` text;--> statement-breakpoint
ALTER TABLE `email_accounts` ADD `smtp_port` integer;--> statement-breakpoint
ALTER TABLE `email_accounts` ADD `smtp_tls` text;--> statement-breakpoint
ALTER TABLE `email_accounts` ADD `saved_at` integer DEFAULT 0 NOT NULL;