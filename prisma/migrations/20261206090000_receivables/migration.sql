-- Receivables (DOMAIN.md): stored statuses per type, amounts above zero, an
-- invoice's due date, its number unique among the user's invoices, links that
-- stay within one customer, and the indexes the summary and aging read.

-- --------------------------------------------------------- existing rows ----

-- Before this phase nothing checked these columns: bring every row within the
-- rules the constraints below state, changing as little as possible.

-- The type carries the direction, so a negative amount was a sign convention.
-- A zero row moves no money and the new check refuses it.
UPDATE customer_receivables SET amount = -amount WHERE amount < 0;
DELETE FROM customer_receivables WHERE amount = 0;

-- 'paid', 'partial' and the like are display statuses now, computed from the
-- payments; a payment inherited the column's 'sent' default.
UPDATE customer_receivables SET status = 'sent'
 WHERE type = 'invoice' AND (status IS NULL OR status NOT IN ('draft', 'sent', 'void'));
UPDATE customer_receivables SET status = 'received'
 WHERE type = 'payment' AND (status IS NULL OR status <> 'void');

-- Only a payment names an invoice, of its own customer; an agreement is its
-- row's customer's. A link that breaks that is dropped (the row stays).
UPDATE customer_receivables r SET linked_invoice_id = NULL
 WHERE linked_invoice_id IS NOT NULL
   AND (r.type <> 'payment' OR NOT EXISTS (
         SELECT 1 FROM customer_receivables i
          WHERE i.id = r.linked_invoice_id AND i.customer_id = r.customer_id AND i.type = 'invoice'));
UPDATE customer_receivables r SET linked_agreement_id = NULL
 WHERE linked_agreement_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM customer_agreements a WHERE a.id = r.linked_agreement_id AND a.customer_id = r.customer_id);

-- An invoice number already used by an earlier invoice of the user's gets a suffix.
WITH ranked AS (
  SELECT id, reference,
         row_number() OVER (PARTITION BY user_id, reference ORDER BY date, created_at, id) AS n
    FROM customer_receivables
   WHERE type = 'invoice' AND reference IS NOT NULL
)
UPDATE customer_receivables r SET reference = ranked.reference || ' (' || ranked.n || ')'
  FROM ranked
 WHERE r.id = ranked.id AND ranked.n > 1;

-- ------------------------------------------------------------- due date ----

ALTER TABLE customer_receivables ADD COLUMN due_date DATE;
UPDATE customer_receivables r SET due_date = r.date + u.payment_terms_days
  FROM users u
 WHERE u.id = r.user_id AND r.type = 'invoice';

-- ---------------------------------------------------------- constraints ----

ALTER TABLE customer_receivables
  ALTER COLUMN status SET NOT NULL,
  ADD CONSTRAINT customer_receivables_amount_check CHECK (amount > 0),
  ADD CONSTRAINT customer_receivables_status_check CHECK (
    (type = 'invoice' AND status IN ('draft', 'sent', 'void'))
    OR (type = 'payment' AND status IN ('received', 'void'))),
  ADD CONSTRAINT customer_receivables_due_date_check CHECK (
    (type = 'invoice' AND due_date IS NOT NULL AND due_date >= date)
    OR (type = 'payment' AND due_date IS NULL)),
  ADD CONSTRAINT customer_receivables_links_check CHECK (
    linked_invoice_id IS NULL OR type = 'payment');

-- A link stays within its row's customer: the pair (id, customer_id) is what a
-- composite foreign key can reference. NO ACTION rather than SET NULL (which
-- would null customer_id too): the app refuses to delete an invoice or an
-- agreement something points at, and a customer's cascade removes both ends
-- in one statement.
ALTER TABLE customer_receivables ADD CONSTRAINT customer_receivables_id_customer_id_key UNIQUE (id, customer_id);
ALTER TABLE customer_agreements ADD CONSTRAINT customer_agreements_id_customer_id_key UNIQUE (id, customer_id);
ALTER TABLE customer_receivables
  DROP CONSTRAINT customer_receivables_linked_invoice_id_fkey,
  DROP CONSTRAINT customer_receivables_linked_agreement_id_fkey;
ALTER TABLE customer_receivables
  ADD CONSTRAINT customer_receivables_linked_invoice_id_customer_id_fkey
    FOREIGN KEY (linked_invoice_id, customer_id) REFERENCES customer_receivables (id, customer_id),
  ADD CONSTRAINT customer_receivables_linked_agreement_id_customer_id_fkey
    FOREIGN KEY (linked_agreement_id, customer_id) REFERENCES customer_agreements (id, customer_id);

-- The invoice number, unique among the user's invoices (payments' references
-- are the payer's and may repeat).
CREATE UNIQUE INDEX customer_receivables_invoice_reference_key
  ON customer_receivables (user_id, reference) WHERE type = 'invoice';

-- ------------------------------------------------------------- defaults ----

-- The column default 'sent' is an invoice's (the spec's); a payment written
-- without a status is 'received'. An invoice written without a due date is
-- due after the account's payment terms. A BEFORE trigger, so that every
-- writer (the app, the seed, a test's factory) gets the same defaults.
CREATE FUNCTION customer_receivables_defaults() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.type = 'payment' AND NEW.status = 'sent' THEN
    NEW.status := 'received';
  END IF;
  IF NEW.type = 'invoice' AND NEW.due_date IS NULL THEN
    NEW.due_date := NEW.date + coalesce((SELECT u.payment_terms_days FROM users u WHERE u.id = NEW.user_id), 30);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER customer_receivables_defaults BEFORE INSERT ON customer_receivables
  FOR EACH ROW EXECUTE FUNCTION customer_receivables_defaults();

-- --------------------------------------------------------------- indexes ----

-- The cross-customer aging and "most overdue first": the user's sent invoices
-- in due-date order. The per-customer summary reads (user_id, customer_id)
-- and each invoice's payments by linked_invoice_id, both indexed already.
CREATE INDEX idx_customer_receivables_sent_invoices_due
  ON customer_receivables (user_id, due_date, id) WHERE type = 'invoice' AND status = 'sent';

-- ------------------------------------------------------ computed rules ----

-- An invoice's display status (DOMAIN.md), the first rule that matches; paid
-- is the sum of its non-void payments. IMMUTABLE plain SQL, so it inlines
-- into the query that calls it, with today from app_today() (decision 0009).
CREATE FUNCTION invoice_display_status(status text, amount numeric, paid numeric, due_date date, today date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN status = 'draft' THEN 'draft'
    WHEN status = 'void' THEN 'void'
    WHEN paid >= amount THEN 'paid'
    WHEN due_date < today THEN 'overdue'
    WHEN paid > 0 THEN 'partial'
    ELSE 'open'
  END
$$;
GRANT EXECUTE ON FUNCTION invoice_display_status(text, numeric, numeric, date, date) TO customers_app;

-- The aging bucket of an open balance by days past its due date: due today
-- or later is current.
CREATE FUNCTION aging_bucket(due_date date, today date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN due_date >= today THEN 'current'
    WHEN today - due_date <= 30 THEN '1-30'
    WHEN today - due_date <= 60 THEN '31-60'
    WHEN today - due_date <= 90 THEN '61-90'
    ELSE '90+'
  END
$$;
GRANT EXECUTE ON FUNCTION aging_bucket(date, date) TO customers_app;
