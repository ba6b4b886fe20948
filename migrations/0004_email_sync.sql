CREATE TABLE `email_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`address` text NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`tls` text NOT NULL,
	`username` text NOT NULL,
	`sender_name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_accounts_login` ON `email_accounts` (`workspace_id`,`host`,`port`,`username`);--> statement-breakpoint
CREATE TABLE `email_folders` (
	`account_id` text NOT NULL,
	`path` text NOT NULL,
	`role` text NOT NULL,
	`uid_validity` integer NOT NULL,
	`last_uid` integer NOT NULL,
	`highest_modseq` text,
	`backfill_phase` text NOT NULL,
	`backfill_below_uid` integer NOT NULL,
	`recent_since` integer NOT NULL,
	`horizon_since` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `path`),
	FOREIGN KEY (`account_id`) REFERENCES `email_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `email_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`message_id` text,
	`in_reply_to` text,
	`references` text NOT NULL,
	`html_sha256` text,
	`filed_as` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `email_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_messages_message_id` ON `email_messages` (`message_id`);--> statement-breakpoint
CREATE TABLE `other_mail` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`account_id` text NOT NULL,
	`category` text NOT NULL,
	`from_address` text,
	`from_name` text,
	`to_addresses` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`attachments` text NOT NULL,
	`auto_reply` integer DEFAULT false NOT NULL,
	`bounced_entry_id` text,
	`bounce_recipient` text,
	`bounce_status` text,
	`bounce_diagnostic` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `email_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `other_mail_id_unique` ON `other_mail` (`id`);--> statement-breakpoint
CREATE INDEX `other_mail_recent` ON `other_mail` (`workspace_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `other_mail_bounced_entry` ON `other_mail` (`bounced_entry_id`) WHERE bounced_entry_id IS NOT NULL;--> statement-breakpoint
-- "Other mail" is searched on its own, so list and bulk mail never crowd customer hits; triggers keep
-- the index current whatever writes the rows.
CREATE VIRTUAL TABLE `other_mail_fts` USING fts5(
	subject, body, from_address, from_name,
	content='other_mail', content_rowid='seq',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `other_mail_fts_insert` AFTER INSERT ON `other_mail` BEGIN
	INSERT INTO `other_mail_fts`(rowid, subject, body, from_address, from_name)
	VALUES (new.seq, new.subject, new.body, new.from_address, new.from_name);
END;
--> statement-breakpoint
CREATE TRIGGER `other_mail_fts_delete` AFTER DELETE ON `other_mail` BEGIN
	INSERT INTO `other_mail_fts`(`other_mail_fts`, rowid, subject, body, from_address, from_name)
	VALUES ('delete', old.seq, old.subject, old.body, old.from_address, old.from_name);
END;
--> statement-breakpoint
CREATE TRIGGER `other_mail_fts_update` AFTER UPDATE OF subject, body, from_address, from_name ON `other_mail` BEGIN
	INSERT INTO `other_mail_fts`(`other_mail_fts`, rowid, subject, body, from_address, from_name)
	VALUES ('delete', old.seq, old.subject, old.body, old.from_address, old.from_name);
	INSERT INTO `other_mail_fts`(rowid, subject, body, from_address, from_name)
	VALUES (new.seq, new.subject, new.body, new.from_address, new.from_name);
END;
