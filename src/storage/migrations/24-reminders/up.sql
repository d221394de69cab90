-- Messages sent on a schedule rather than by a change: the reminders of a home
-- assignment's due date and of a rating round, each claimed here once (its key names
-- what it is about and which notice it is) in the transaction that writes its messages,
-- so a restart or a second pass never sends it twice.
CREATE TABLE mail_schedule (
    key TEXT PRIMARY KEY,
    at  INTEGER NOT NULL
);

-- The digest a person chose (none: they get none; it is opt-in), and the moment the
-- next one counts from.
ALTER TABLE users ADD COLUMN digest TEXT CHECK (digest IS NULL OR digest IN ('daily', 'weekly'));
ALTER TABLE users ADD COLUMN digest_since INTEGER;
