CREATE TABLE `entry_revisions` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` text NOT NULL,
	`reason` text NOT NULL,
	`body` text NOT NULL,
	`attachments` text NOT NULL,
	`replaced_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `entry_revisions_entry` ON `entry_revisions` (`entry_id`,`seq`);--> statement-breakpoint
CREATE TABLE `other_whatsapp` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`sender_jid` text NOT NULL,
	`sender_phone` text,
	`sender_name` text,
	`direction` text NOT NULL,
	`body` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`attachments` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `other_whatsapp_id_unique` ON `other_whatsapp` (`id`);--> statement-breakpoint
CREATE INDEX `other_whatsapp_recent` ON `other_whatsapp` (`workspace_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `whatsapp_auth` (
	`workspace_id` text NOT NULL,
	`category` text NOT NULL,
	`key_id` text NOT NULL,
	`sealed` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `category`, `key_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `whatsapp_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key_id` text NOT NULL,
	`message` text NOT NULL,
	`stored_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `whatsapp_messages_key` ON `whatsapp_messages` (`key_id`);--> statement-breakpoint
CREATE TABLE `whatsapp_pending` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`key_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`reason` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `entries` ADD `reactions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `entries` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `entries` ADD `deleted_at` integer;--> statement-breakpoint
-- WhatsApp groups are searched on their own, like other mail; triggers keep the index current.
CREATE VIRTUAL TABLE `other_whatsapp_fts` USING fts5(
	body, sender_name, sender_phone,
	content='other_whatsapp', content_rowid='seq',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `other_whatsapp_fts_insert` AFTER INSERT ON `other_whatsapp` BEGIN
	INSERT INTO `other_whatsapp_fts`(rowid, body, sender_name, sender_phone) VALUES (new.seq, new.body, new.sender_name, new.sender_phone);
END;
--> statement-breakpoint
CREATE TRIGGER `other_whatsapp_fts_delete` AFTER DELETE ON `other_whatsapp` BEGIN
	INSERT INTO `other_whatsapp_fts`(`other_whatsapp_fts`, rowid, body, sender_name, sender_phone)
	VALUES ('delete', old.seq, old.body, old.sender_name, old.sender_phone);
END;
--> statement-breakpoint
CREATE TRIGGER `other_whatsapp_fts_update` AFTER UPDATE OF body, sender_name, sender_phone ON `other_whatsapp` BEGIN
	INSERT INTO `other_whatsapp_fts`(`other_whatsapp_fts`, rowid, body, sender_name, sender_phone)
	VALUES ('delete', old.seq, old.body, old.sender_name, old.sender_phone);
	INSERT INTO `other_whatsapp_fts`(rowid, body, sender_name, sender_phone) VALUES (new.seq, new.body, new.sender_name, new.sender_phone);
END;
