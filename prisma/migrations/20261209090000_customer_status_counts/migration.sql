-- The list's filter bar shows how many of the user's live customers are in
-- each status. Counting them on every page read all of a 10,000-customer
-- user's index entries: 2.4 of the list statement's 3.6 ms on the bench data
-- (docs/decisions/0022). A customer's status is stored, not computed, so the
-- counts can be kept exact by the writes themselves: a row per user and status.
CREATE TABLE customer_status_counts (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status text NOT NULL,
  n integer NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, status)
);

-- The app reads its own user's rows; only the triggers write, as the owner
-- (SECURITY DEFINER), also for writers that bind no user (seed, bench, purge).
ALTER TABLE customer_status_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY customer_status_counts_select ON customer_status_counts FOR SELECT
  USING (user_id = app_user_id());
REVOKE ALL ON customer_status_counts FROM customers_app;
GRANT SELECT ON customer_status_counts TO customers_app;

INSERT INTO customer_status_counts (user_id, status, n)
SELECT user_id, status, count(*)
  FROM customers
 WHERE deleted_at IS NULL
 GROUP BY user_id, status;

-- Live rows in minus live rows out, per user and status, in one statement per
-- write: an insert adds, an archive or a delete takes off, a restore adds back,
-- a status change moves one from the old status to the new. The upsert adds to
-- the row's latest value under its lock, so concurrent writers both count; the
-- ORDER BY takes the row locks of one statement in key order (a status change
-- locks both of its rows the same way round whichever way it goes). Deletes
-- only take off, with an UPDATE: a user being deleted takes their customers
-- with them, and an upsert would insert a row for a user no longer there.
CREATE FUNCTION customer_status_counts_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'DELETE' THEN
    UPDATE customer_status_counts s SET n = s.n - d.n
      FROM (SELECT user_id, status, count(*)::int AS n FROM old_rows WHERE deleted_at IS NULL GROUP BY user_id, status) d
     WHERE s.user_id = d.user_id AND s.status = d.status;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO customer_status_counts AS s (user_id, status, n)
    SELECT user_id, status, count(*)::int FROM new_rows WHERE deleted_at IS NULL
     GROUP BY user_id, status
     ORDER BY user_id, status
    ON CONFLICT (user_id, status) DO UPDATE SET n = s.n + EXCLUDED.n;
  ELSE
    INSERT INTO customer_status_counts AS s (user_id, status, n)
    SELECT user_id, status, sum(delta)::int
      FROM (SELECT user_id, status, 1 AS delta FROM new_rows WHERE deleted_at IS NULL
            UNION ALL
            SELECT user_id, status, -1 FROM old_rows WHERE deleted_at IS NULL) d
     GROUP BY user_id, status
    HAVING sum(delta) <> 0
     ORDER BY user_id, status
    ON CONFLICT (user_id, status) DO UPDATE SET n = s.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION customer_status_counts_follow() FROM PUBLIC;

-- Statement-level with transition tables: a bulk write (the bench's data set,
-- a purge) moves each count once, not once per row. Three triggers because a
-- trigger with transition tables may only have one event (and no column list:
-- an UPDATE that leaves status and deleted_at alone nets to nothing).
CREATE TRIGGER customer_status_counts_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_status_counts_follow();
CREATE TRIGGER customer_status_counts_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_status_counts_follow();
CREATE TRIGGER customer_status_counts_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_status_counts_follow();
