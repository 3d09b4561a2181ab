-- Search that stays fast under row-level security.
--
-- ILIKE is not leakproof, so under RLS PostgreSQL evaluates the policy before
-- it and will not use the trigram index for it: a search then reads every row
-- the user has. This function runs the match as the owner (no policies, so the
-- planner is free to use the trigram index) and applies the tenant rule itself,
-- from the same per-transaction setting the policies read. Whatever it returns,
-- the app's query then reads those rows through RLS as usual: it can narrow a
-- search down, never widen what a user may see.

CREATE EXTENSION IF NOT EXISTS btree_gin;

-- One user's names, by trigram: the match never touches other tenants' rows.
CREATE INDEX idx_customers_user_name_trgm ON customers
  USING gin (user_id, name gin_trgm_ops) WHERE deleted_at IS NULL;

CREATE FUNCTION search_customer_ids(pattern text, max_rows integer) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
ROWS 100
AS $$
BEGIN
  -- EXECUTE plans with the actual pattern, so a rare one uses the trigram index
  -- and a common one may just walk the user's rows. No user, no rows.
  RETURN QUERY EXECUTE
    'SELECT id FROM customers WHERE user_id = $1 AND deleted_at IS NULL AND name ILIKE $2 LIMIT $3'
    USING app_user_id(), pattern, max_rows;
END
$$;
REVOKE ALL ON FUNCTION search_customer_ids(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_customer_ids(text, integer) TO customers_app;
