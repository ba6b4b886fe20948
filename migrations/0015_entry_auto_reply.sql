ALTER TABLE `entries` ADD `auto_reply` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Customer auto-replies synced before this version were flagged on their reply chain only.
UPDATE `entries` SET `auto_reply` = 1 WHERE `id` IN (SELECT `id` FROM `email_messages` WHERE `auto_reply` = 1 AND `filed_as` = 'entry');
--> statement-breakpoint
-- Their conversations then need a response only if the newest message or call that is not one asks for it.
UPDATE `conversations` SET `needs_response` = coalesce((
  SELECT e.`direction` = 'inbound' AND e.`occurred_at` > `conversations`.`dismissed_up_to` FROM `entries` e
  WHERE e.`conversation_id` = `conversations`.`id` AND e.`kind` IN ('message', 'call') AND NOT e.`auto_reply`
  ORDER BY e.`occurred_at` DESC, e.`seq` DESC LIMIT 1), 0)
WHERE `id` IN (SELECT `conversation_id` FROM `entries` WHERE `auto_reply`);
