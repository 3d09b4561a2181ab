-- /agreements shows how many of the user's agreements are in each computed
-- status. Counting means computing the status of every agreement (20,000 for
-- the bench user, ~8 ms), yet the answer only changes when an agreement is
-- written, a customer is archived or restored, or the account's day turns.
-- So the counts are kept per user with the version of the data they were
-- counted from and the day they were counted on; a reader recounts only when
-- either moved (app/agreements/status-counts.server.ts).
--
-- `version` is bumped by the triggers below in the writing transaction, so a
-- count stored by a reader that raced a write is refused by its own
-- `WHERE version = <the version it read>` (the row lock orders the two).
CREATE TABLE agreement_status_counts (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0,
  counted_version bigint,
  counted_on date,
  counts jsonb
);

-- The app reads and stores its own user's row only. Not FORCEd: the triggers
-- run as the owner (SECURITY DEFINER) and must bump any user's version, also
-- from maintenance scripts that bind no user.
ALTER TABLE agreement_status_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY agreement_status_counts_select ON agreement_status_counts FOR SELECT
  USING (user_id = app_user_id());
CREATE POLICY agreement_status_counts_update ON agreement_status_counts FOR UPDATE
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
REVOKE ALL ON agreement_status_counts FROM customers_app;
GRANT SELECT, UPDATE (counted_version, counted_on, counts) ON agreement_status_counts TO customers_app;

-- Every user has a row from the start, so a write always finds one to bump
-- (a reader that created a missing row could otherwise store counts a
-- concurrent write never invalidated).
INSERT INTO agreement_status_counts (user_id) SELECT id FROM users;

CREATE FUNCTION agreement_status_counts_for_new_users() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  INSERT INTO agreement_status_counts (user_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER users_agreement_status_counts AFTER INSERT ON users
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agreement_status_counts_for_new_users();

-- Statement-level with transition tables: a bulk write (the bench's data set,
-- a purge) bumps each user once, not once per row. Three triggers because a
-- trigger with transition tables may only have one event.
CREATE FUNCTION bump_agreement_status_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE agreement_status_counts SET version = version + 1 WHERE user_id IN (SELECT user_id FROM new_rows);
  ELSE
    UPDATE agreement_status_counts SET version = version + 1 WHERE user_id IN (SELECT user_id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_agreements_counts_insert AFTER INSERT ON customer_agreements
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agreement_status_counts();
-- user_id cannot change (the composite foreign key ties it to the customer's).
CREATE TRIGGER customer_agreements_counts_update AFTER UPDATE ON customer_agreements
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agreement_status_counts();
CREATE TRIGGER customer_agreements_counts_delete AFTER DELETE ON customer_agreements
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agreement_status_counts();

-- Archiving or restoring a customer moves its agreements out of or into the
-- counts. Row-level: a trigger with a column list cannot have transition
-- tables, and these writes are one customer at a time.
CREATE FUNCTION bump_agreement_status_counts_of_customer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  UPDATE agreement_status_counts SET version = version + 1 WHERE user_id = NEW.user_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER customers_archived_counts AFTER UPDATE OF deleted_at ON customers
  FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION bump_agreement_status_counts_of_customer();

REVOKE ALL ON FUNCTION agreement_status_counts_for_new_users() FROM PUBLIC;
REVOKE ALL ON FUNCTION bump_agreement_status_counts() FROM PUBLIC;
REVOKE ALL ON FUNCTION bump_agreement_status_counts_of_customer() FROM PUBLIC;

-- /agreements reads each status's rows in end-date order through an index
-- range instead of computing every agreement's status
-- (app/agreements/across-customers.server.ts). The covering index
-- idx_customer_agreements_status_inputs serves the ranges bounded by the end
-- or start date; suspended and terminated (an override) are usually few, and
-- without this index their range would be every agreement of the user.
CREATE INDEX idx_customer_agreements_overridden
  ON customer_agreements (user_id, override_status, end_date, id) WHERE override_status IS NOT NULL;
