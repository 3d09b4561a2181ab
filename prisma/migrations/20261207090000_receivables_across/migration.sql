-- The cross-customer receivables list (app/receivables/across-customers.server.ts)
-- reads each stored status as its own range in the list's order (due date
-- for an invoice, date for a payment, then id): sent invoices from
-- idx_customer_receivables_sent_invoices_due, drafts and voided invoices and
-- payments from these two, so that `?status=draft`, `void` or `received`
-- stops after a page instead of walking the user's receivables. Plain columns
-- (no expression), so that schema.prisma can name them.
CREATE INDEX idx_customer_receivables_unsent_invoices_due
  ON customer_receivables (user_id, status, due_date, id) WHERE type = 'invoice' AND status <> 'sent';
CREATE INDEX idx_customer_receivables_payments_date
  ON customer_receivables (user_id, status, date, id) WHERE type = 'payment';
