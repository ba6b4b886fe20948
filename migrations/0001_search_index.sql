-- Full-text search over message text (word tokens) and contacts (trigrams, so that part of a
-- name, an email or a run of phone digits finds the contact). Both are kept current by triggers,
-- so no write path can forget them, and are filled from existing rows here.
CREATE VIRTUAL TABLE `entries_fts` USING fts5(
	subject, body,
	content='entries', content_rowid='seq',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `entries_fts`(`entries_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` BEGIN
	INSERT INTO `entries_fts`(rowid, subject, body) VALUES (new.seq, new.subject, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_delete` AFTER DELETE ON `entries` BEGIN
	INSERT INTO `entries_fts`(`entries_fts`, rowid, subject, body) VALUES ('delete', old.seq, old.subject, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_update` AFTER UPDATE OF subject, body ON `entries` BEGIN
	INSERT INTO `entries_fts`(`entries_fts`, rowid, subject, body) VALUES ('delete', old.seq, old.subject, old.body);
	INSERT INTO `entries_fts`(rowid, subject, body) VALUES (new.seq, new.subject, new.body);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(name, company, address, handles, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIEW `contacts_fts_source` AS
SELECT c.seq AS seq, c.id AS id, c.display_name AS name, coalesce(c.company, '') AS company,
	coalesce(c.address, '') AS address,
	coalesce((SELECT group_concat(replace(i.value, '+', ''), ' ') FROM identities i WHERE i.contact_id = c.id), '') AS handles
FROM contacts c;
--> statement-breakpoint
INSERT INTO `contacts_fts`(rowid, name, company, address, handles)
SELECT seq, name, company, address, handles FROM `contacts_fts_source`;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_insert` AFTER INSERT ON `contacts` BEGIN
	INSERT INTO `contacts_fts`(rowid, name, company, address, handles)
	SELECT seq, name, company, address, handles FROM `contacts_fts_source` WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_update` AFTER UPDATE OF display_name, company, address ON `contacts` BEGIN
	DELETE FROM `contacts_fts` WHERE rowid = old.seq;
	INSERT INTO `contacts_fts`(rowid, name, company, address, handles)
	SELECT seq, name, company, address, handles FROM `contacts_fts_source` WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_identity_insert` AFTER INSERT ON `identities` BEGIN
	DELETE FROM `contacts_fts` WHERE rowid = (SELECT seq FROM contacts WHERE id = new.contact_id);
	INSERT INTO `contacts_fts`(rowid, name, company, address, handles)
	SELECT seq, name, company, address, handles FROM `contacts_fts_source` WHERE id = new.contact_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_identity_update` AFTER UPDATE ON `identities` BEGIN
	DELETE FROM `contacts_fts` WHERE rowid IN (SELECT seq FROM contacts WHERE id IN (old.contact_id, new.contact_id));
	INSERT INTO `contacts_fts`(rowid, name, company, address, handles)
	SELECT seq, name, company, address, handles FROM `contacts_fts_source` WHERE id IN (old.contact_id, new.contact_id);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_identity_delete` AFTER DELETE ON `identities` BEGIN
	DELETE FROM `contacts_fts` WHERE rowid = (SELECT seq FROM contacts WHERE id = old.contact_id);
	INSERT INTO `contacts_fts`(rowid, name, company, address, handles)
	SELECT seq, name, company, address, handles FROM `contacts_fts_source` WHERE id = old.contact_id;
END;
