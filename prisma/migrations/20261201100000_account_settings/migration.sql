-- Account settings (DOMAIN.md): the time zone that decides what "today" is,
-- the one currency an account's money is in, and the payment terms that give
-- an invoice its default due date.

ALTER TABLE users
  ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC',
  ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR',
  ADD COLUMN payment_terms_days INTEGER NOT NULL DEFAULT 30;

-- A zone PostgreSQL does not know raises an error here rather than storing a
-- name that every "today" would later fail on. The app checks first, against
-- the same list (pg_timezone_names), and answers with a field error.
ALTER TABLE users
  ADD CONSTRAINT users_time_zone_check
    CHECK (length(time_zone) BETWEEN 1 AND 64 AND (TIMESTAMP '2000-01-01' AT TIME ZONE time_zone) IS NOT NULL),
  ADD CONSTRAINT users_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT users_payment_terms_days_check CHECK (payment_terms_days BETWEEN 0 AND 365);

-- Today's date for the transaction's user, in their time zone: the "today" of
-- every computed status. UTC when nobody is bound. Plain SQL, so it inlines and
-- its lookup runs once per statement, not once per row.
CREATE FUNCTION app_today() RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (now() AT TIME ZONE coalesce((SELECT u.time_zone FROM users u WHERE u.id = app_user_id()), 'UTC'))::date
$$;
GRANT EXECUTE ON FUNCTION app_today() TO customers_app;
