-- Inbox counts (open, unassigned, per-assignee, unread, needs response) kept by triggers, so the
-- counts beside the list cost one indexed read whatever the size of the workspace, and no write path
-- can forget to update them.
CREATE TABLE `inbox_counts` (
	`workspace_id` text NOT NULL,
	`bucket` text NOT NULL,
	`member_id` text NOT NULL DEFAULT '',
	`n` integer NOT NULL,
	PRIMARY KEY (`workspace_id`, `bucket`, `member_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
SELECT workspace_id, 'open', '', count(*) FROM conversations c WHERE c.status = 'open' GROUP BY 1, 3
UNION ALL SELECT workspace_id, 'unassigned', '', count(*) FROM conversations c WHERE c.status = 'open' AND c.assignee_id IS NULL GROUP BY 1, 3
UNION ALL SELECT workspace_id, 'assigned', c.assignee_id, count(*) FROM conversations c WHERE c.status = 'open' AND c.assignee_id IS NOT NULL GROUP BY 1, 3
UNION ALL SELECT workspace_id, 'unread', '', count(*) FROM conversations c WHERE c.status = 'open' AND c.unread_count > 0 GROUP BY 1, 3
UNION ALL SELECT workspace_id, 'needs_response', '', count(*) FROM conversations c WHERE c.status = 'open' AND c.needs_response = 1 GROUP BY 1, 3;
--> statement-breakpoint
CREATE TRIGGER `inbox_counts_insert` AFTER INSERT ON `conversations` BEGIN
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'open', '', 1 WHERE new.status = 'open'
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'unassigned', '', 1 WHERE new.status = 'open' AND new.assignee_id IS NULL
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'assigned', new.assignee_id, 1 WHERE new.status = 'open' AND new.assignee_id IS NOT NULL
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'unread', '', 1 WHERE new.status = 'open' AND new.unread_count > 0
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'needs_response', '', 1 WHERE new.status = 'open' AND new.needs_response = 1
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `inbox_counts_delete` AFTER DELETE ON `conversations` BEGIN
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'open' AND member_id = '' AND old.status = 'open';
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'unassigned' AND member_id = '' AND old.status = 'open' AND old.assignee_id IS NULL;
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'assigned' AND member_id = old.assignee_id AND old.status = 'open' AND old.assignee_id IS NOT NULL;
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'unread' AND member_id = '' AND old.status = 'open' AND old.unread_count > 0;
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'needs_response' AND member_id = '' AND old.status = 'open' AND old.needs_response = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `inbox_counts_update` AFTER UPDATE OF workspace_id, status, assignee_id, unread_count, needs_response ON `conversations` BEGIN
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'open' AND member_id = '' AND old.status = 'open';
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'unassigned' AND member_id = '' AND old.status = 'open' AND old.assignee_id IS NULL;
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'assigned' AND member_id = old.assignee_id AND old.status = 'open' AND old.assignee_id IS NOT NULL;
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'unread' AND member_id = '' AND old.status = 'open' AND old.unread_count > 0;
	UPDATE `inbox_counts` SET n = n - 1
	WHERE workspace_id = old.workspace_id AND bucket = 'needs_response' AND member_id = '' AND old.status = 'open' AND old.needs_response = 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'open', '', 1 WHERE new.status = 'open'
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'unassigned', '', 1 WHERE new.status = 'open' AND new.assignee_id IS NULL
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'assigned', new.assignee_id, 1 WHERE new.status = 'open' AND new.assignee_id IS NOT NULL
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'unread', '', 1 WHERE new.status = 'open' AND new.unread_count > 0
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
	INSERT INTO `inbox_counts`(workspace_id, bucket, member_id, n)
	SELECT new.workspace_id, 'needs_response', '', 1 WHERE new.status = 'open' AND new.needs_response = 1
	ON CONFLICT(workspace_id, bucket, member_id) DO UPDATE SET n = n + 1;
END;
