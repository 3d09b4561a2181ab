-- The bound user's archived customers, for leaving their agreements (and
-- later their receivables and projects) out of a cross-customer page. Joining
-- every live customer costs a pass over all of them (10,000 for the bench
-- user); the archived ones are few, and excluding them by a hashed NOT IN is
-- cheap. An invoker function, so row-level security still applies: it only
-- turns on the archived view (app.archived) for its own call.
CREATE INDEX idx_customers_archived ON customers (user_id) WHERE deleted_at IS NOT NULL;

CREATE FUNCTION archived_customer_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE
SET app.archived = 'on'
ROWS 50
AS $$
  SELECT id FROM customers WHERE user_id = app_user_id() AND deleted_at IS NOT NULL
$$;
REVOKE ALL ON FUNCTION archived_customer_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION archived_customer_ids() TO customers_app;
