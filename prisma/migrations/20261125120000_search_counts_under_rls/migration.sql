-- Counts per status under a search, as fast as without row-level security.
--
-- A common search (too many matches to list by id) counted its matches
-- through RLS: the policy comes first and ILIKE (not leakproof) cannot use the
-- trigram index, so every one of the user's rows was read (22 ms of database
-- time per request at 10k customers). Like search_customer_ids, this runs as
-- the owner with the tenant rule applied by itself, and returns only numbers.
CREATE FUNCTION search_customer_status_counts(pattern text) RETURNS TABLE (status text, n integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
ROWS 6
AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT status, count(*)::int FROM customers
      WHERE user_id = $1 AND deleted_at IS NULL AND name ILIKE $2 GROUP BY status'
    USING app_user_id(), pattern;
END
$$;
REVOKE ALL ON FUNCTION search_customer_status_counts(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_customer_status_counts(text) TO customers_app;
