-- Indexes for the customer list as it is actually queried: always one user's
-- live (not archived) customers, read in keyset order. Each index matches one
-- sort's ORDER BY exactly (the timestamps are coalesced there, see
-- app/customers/customers.server.ts), so a page is an index range scan.
CREATE INDEX idx_customers_list_updated
  ON customers (user_id, (coalesce(updated_at, '-infinity'::timestamptz)) DESC, id DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_list_created
  ON customers (user_id, (coalesce(created_at, '-infinity'::timestamptz)) DESC, id DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_list_name
  ON customers (user_id, name, id)
  WHERE deleted_at IS NULL;
-- Counts per status: an index-only scan instead of a heap visit per row.
CREATE INDEX idx_customers_live_status
  ON customers (user_id, status)
  WHERE deleted_at IS NULL;
-- "Last interaction" per customer: the newest event without scanning them all.
CREATE INDEX idx_customer_events_customer_date
  ON customer_events (customer_id, event_date DESC);
