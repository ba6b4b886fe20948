CREATE TABLE `team_links` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`team_workspace_id` text NOT NULL,
	`server_url` text NOT NULL,
	`member_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
