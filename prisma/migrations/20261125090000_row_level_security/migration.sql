-- Row-level security: a second wall between tenants, so that a query which
-- forgets its `user_id` filter still sees only the signed-in user's rows.
--
-- The app runs as `customers_app`, a role that neither owns these tables nor
-- bypasses RLS; migrations keep running as the owner. Each transaction the app
-- opens says whose it is with set_config('app.user_id', <uuid>, true).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'customers_app') THEN
    -- LOGIN without a password: usable where the server trusts local
    -- connections; elsewhere the operator sets one (see README).
    CREATE ROLE customers_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  -- Roles belong to the whole server: another database's migration may have
  -- created it between the check and the CREATE.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO customers_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  users, passwords, sessions, login_throttle,
  customers, customer_agreements, customer_receivables, customer_projects,
  customer_artifacts, customer_events, customer_chat_messages
TO customers_app;
-- Tables added by later migrations (run by the same owner) are the app's too;
-- their policies still have to be written.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO customers_app;

-- Whose transaction this is. A transaction-local set_config reads back as ''
-- (not NULL) once its transaction ends, so '' means "nobody", like NULL.
-- Plain SQL and STABLE so the planner inlines it and can use it as an index key.
CREATE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Archived customers stay invisible unless the transaction asks for them
-- (the archive page, restore, and archiving itself).
CREATE FUNCTION app_sees_archived() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('app.archived', true), '') = 'on' $$;

-- The spec's ownership helper for child tables. SECURITY DEFINER so it reads
-- customers as the owner (no recursive policy evaluation); it applies the same
-- rule itself, through the (user_id, id) index.
CREATE FUNCTION is_customer_owner(cid uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM customers
    WHERE id = cid AND user_id = app_user_id() AND deleted_at IS NULL
  )
$$;
REVOKE ALL ON FUNCTION is_customer_owner(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION is_customer_owner(uuid) TO customers_app;

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers FORCE ROW LEVEL SECURITY;

CREATE POLICY customers_select ON customers FOR SELECT
  USING (user_id = app_user_id() AND (deleted_at IS NULL OR app_sees_archived()));
CREATE POLICY customers_insert ON customers FOR INSERT
  WITH CHECK (user_id = app_user_id());
-- WITH CHECK is spelled out: without it the USING clause would also judge the
-- new row, and archiving (setting deleted_at) could never pass.
CREATE POLICY customers_update ON customers FOR UPDATE
  USING (user_id = app_user_id() AND (deleted_at IS NULL OR app_sees_archived()))
  WITH CHECK (user_id = app_user_id());
CREATE POLICY customers_delete ON customers FOR DELETE
  USING (user_id = app_user_id());

-- Child tables: the same four policies each, through the ownership helper.
DO $$
DECLARE
  child text;
BEGIN
  FOREACH child IN ARRAY ARRAY[
    'customer_agreements', 'customer_receivables', 'customer_projects',
    'customer_artifacts', 'customer_events', 'customer_chat_messages'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', child);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', child);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (is_customer_owner(customer_id))', child || '_select', child);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (is_customer_owner(customer_id))', child || '_insert', child);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (is_customer_owner(customer_id)) WITH CHECK (is_customer_owner(customer_id))', child || '_update', child);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (is_customer_owner(customer_id))', child || '_delete', child);
  END LOOP;
END
$$;
