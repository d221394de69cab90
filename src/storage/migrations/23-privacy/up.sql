-- Personal data is the person's: a person may be anonymised (their contributions stay,
-- attributed to a former participant of their organisation), and the contact details
-- of registrants without an account and of the public's input are removed once the
-- programme's retention period has passed. The markers say when, so the daily job
-- touches each row once.
ALTER TABLE users ADD COLUMN anonymised_at INTEGER;
ALTER TABLE registrations ADD COLUMN contact_removed_at INTEGER;
ALTER TABLE inputs ADD COLUMN contact_removed_at INTEGER;
CREATE INDEX registrations_contact_kept ON registrations (event_id)
    WHERE user_id IS NULL AND contact_removed_at IS NULL;

-- The audit log holds no e-mail address: registration entries wrote the registrant's
-- after the outcome, and keep the outcome only; a failed sign-in named the address
-- typed, and names the account it belongs to instead (nothing for an unknown one).
-- This one correction lifts the append-only trigger for these statements and puts it
-- back as it was.
DROP TRIGGER audit_log_is_append_only_update;
UPDATE audit_log SET detail = substr(detail, 1, instr(detail, ' ') - 1)
    WHERE action = 'registration.create' AND instr(detail, ' ') > 0;
UPDATE audit_log
    SET subject = (SELECT 'user:' || u.id FROM users u WHERE lower(u.email) = lower(audit_log.subject))
    WHERE action = 'login.failed';
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
