CREATE TABLE `contacts` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`display_name` text NOT NULL,
	`company` text,
	`address` text,
	`merged_into` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_id_unique` ON `contacts` (`id`);--> statement-breakpoint
CREATE INDEX `contacts_workspace` ON `contacts` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` text,
	`last_at` integer NOT NULL,
	`preview` text DEFAULT '' NOT NULL,
	`last_channel` text,
	`last_direction` text,
	`read_up_to` integer DEFAULT 0 NOT NULL,
	`unread_count` integer DEFAULT 0 NOT NULL,
	`needs_response` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_contact_id_unique` ON `conversations` (`contact_id`);--> statement-breakpoint
CREATE INDEX `conversations_open_recent` ON `conversations` (`workspace_id`,`last_at`,`id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `conversations_open_assignee` ON `conversations` (`workspace_id`,`assignee_id`,`last_at`,`id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `conversations_open_unread` ON `conversations` (`workspace_id`,`last_at`,`id`) WHERE status = 'open' AND unread_count > 0;--> statement-breakpoint
CREATE INDEX `conversations_open_needs_response` ON `conversations` (`workspace_id`,`last_at`,`id`) WHERE status = 'open' AND needs_response = 1;--> statement-breakpoint
CREATE TABLE `entries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`origin_contact_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`direction` text,
	`author_member_id` text,
	`subject` text,
	`body` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`delivery_status` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`call_duration_sec` integer,
	`call_outcome` text,
	`call_recording_url` text,
	`call_transcription` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entries_id_unique` ON `entries` (`id`);--> statement-breakpoint
CREATE INDEX `entries_thread` ON `entries` (`conversation_id`,`occurred_at`,`seq`);--> statement-breakpoint
CREATE TABLE `identities` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`extension` text,
	`valid` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identities_value` ON `identities` (`workspace_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `identities_contact` ON `identities` (`contact_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text NOT NULL,
	`is_self` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `members_workspace` ON `members` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `merges` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`survivor_id` text NOT NULL,
	`merged_id` text NOT NULL,
	`moved_identity_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`default_region` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
