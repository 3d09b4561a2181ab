-- /agreements computes every agreement's status to sort and count them
-- (agreement_status() needs start, end, notice and override). This index holds
-- all of those per user, so that pass reads the index alone (an index-only
-- scan) instead of visiting each agreement's row in the table. Plain key
-- columns rather than INCLUDE, which schema.prisma cannot describe.
CREATE INDEX idx_customer_agreements_status_inputs
  ON customer_agreements (user_id, end_date, id, customer_id, start_date, notice_days, override_status);
