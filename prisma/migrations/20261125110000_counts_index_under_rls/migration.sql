-- Counts per status stay index-only under row-level security.
--
-- The customers policy reads deleted_at ("archived rows only when asked"), and
-- RLS evaluates it on every row. With deleted_at in the index (always NULL
-- here, so it costs next to nothing) the policy can be checked from the index
-- alone; without it every count read each of the user's rows from the table
-- (measured at 1M customers: 7-38 ms instead of under 3).
DROP INDEX idx_customers_live_status;
CREATE INDEX idx_customers_live_status ON customers (user_id, status) INCLUDE (deleted_at)
  WHERE deleted_at IS NULL;
