CREATE TABLE `doc_snapshots` (
	`room` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`up_to_seq` integer NOT NULL
);
