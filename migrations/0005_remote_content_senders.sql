CREATE TABLE `remote_content_senders` (
	`workspace_id` text NOT NULL,
	`address` text NOT NULL,
	`allowed_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `address`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
