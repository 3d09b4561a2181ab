-- An invoice's paid amount, kept on its row, and the indexes that let a
-- balance read only the rows that carry one (decision 0017).
--
-- Every summary (a customer's, the cards', the cross-customer totals) used to
-- sum each invoice's payments on every read: ~600 ms for the totals of a user
-- with 200,000 receivables. Now `paid` is maintained by a trigger on the
-- payment rows, and a balance is the sum over three small sets: sent invoices
-- not yet paid in full, received payments applied to no invoice, and invoices
-- paid beyond what they ask.

ALTER TABLE customer_receivables ADD COLUMN paid NUMERIC NOT NULL DEFAULT 0;

UPDATE customer_receivables i SET paid = s.paid
  FROM (SELECT linked_invoice_id AS id, sum(amount) AS paid
          FROM customer_receivables
         WHERE type = 'payment' AND status = 'received' AND linked_invoice_id IS NOT NULL
         GROUP BY linked_invoice_id) s
 WHERE i.id = s.id;

ALTER TABLE customer_receivables
  ADD CONSTRAINT customer_receivables_paid_check CHECK (paid >= 0 AND (type = 'invoice' OR paid = 0));

-- A received payment counts on the invoice it names. Increments, not a
-- recount: each is an UPDATE of the invoice row, which waits for any other
-- writer of that row and then adds to its latest value, so two payments
-- recorded at once both count under READ COMMITTED.
CREATE FUNCTION customer_receivables_paid() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  old_invoice uuid;
  old_amount numeric := 0;
  new_invoice uuid;
  new_amount numeric := 0;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.type = 'payment' AND OLD.status = 'received' THEN
    old_invoice := OLD.linked_invoice_id;
    old_amount := OLD.amount;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.type = 'payment' AND NEW.status = 'received' THEN
    new_invoice := NEW.linked_invoice_id;
    new_amount := NEW.amount;
  END IF;
  IF old_invoice IS NOT DISTINCT FROM new_invoice AND old_amount = new_amount THEN
    RETURN NULL;
  END IF;
  IF old_invoice IS NOT NULL THEN
    UPDATE customer_receivables SET paid = paid - old_amount WHERE id = old_invoice;
  END IF;
  IF new_invoice IS NOT NULL THEN
    UPDATE customer_receivables SET paid = paid + new_amount WHERE id = new_invoice;
  END IF;
  RETURN NULL;
END
$$;
-- AFTER, so that a customer's cascade (which deletes its invoices and
-- payments in one statement) finds the invoices already gone. The WHEN
-- clauses keep the function from running at all for invoices, credits and
-- changes that move no money.
CREATE TRIGGER customer_receivables_paid_insert AFTER INSERT ON customer_receivables
  FOR EACH ROW WHEN (NEW.type = 'payment' AND NEW.status = 'received' AND NEW.linked_invoice_id IS NOT NULL)
  EXECUTE FUNCTION customer_receivables_paid();
CREATE TRIGGER customer_receivables_paid_update AFTER UPDATE ON customer_receivables
  FOR EACH ROW WHEN ((OLD.type = 'payment' OR NEW.type = 'payment')
    AND (OLD.amount, OLD.status, OLD.linked_invoice_id, OLD.type) IS DISTINCT FROM (NEW.amount, NEW.status, NEW.linked_invoice_id, NEW.type))
  EXECUTE FUNCTION customer_receivables_paid();
CREATE TRIGGER customer_receivables_paid_delete AFTER DELETE ON customer_receivables
  FOR EACH ROW WHEN (OLD.type = 'payment' AND OLD.status = 'received' AND OLD.linked_invoice_id IS NOT NULL)
  EXECUTE FUNCTION customer_receivables_paid();

-- The three sets a balance reads, each with every column it needs in the key
-- so the read is an index-only scan, for one customer or all of a user's.
CREATE INDEX idx_customer_receivables_unpaid
  ON customer_receivables (user_id, customer_id, due_date, amount, paid)
  WHERE type = 'invoice' AND status = 'sent' AND paid < amount;
CREATE INDEX idx_customer_receivables_unapplied
  ON customer_receivables (user_id, customer_id, amount)
  WHERE type = 'payment' AND status = 'received' AND linked_invoice_id IS NULL;
CREATE INDEX idx_customer_receivables_overpaid
  ON customer_receivables (user_id, customer_id, status, amount, paid)
  WHERE type = 'invoice' AND paid > CASE WHEN status = 'sent' THEN amount ELSE 0 END;

-- ------------------------------------------------ open amount by due date ----

-- What the user's sent invoices still ask, per due date: the cross-customer
-- totals and aging read one row per day (a few hundred) instead of every
-- unpaid invoice (31,000 for the bench user). It counts every customer's,
-- archived ones too: the totals take the few archived customers' unpaid
-- invoices back off (app/receivables/across-customers.server.ts), so that
-- archiving and restoring need not move amounts in and out.
CREATE TABLE receivable_open_days (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  due_date date NOT NULL,
  open numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, due_date)
);

-- The app reads its own user's rows; only the trigger writes, as the owner
-- (SECURITY DEFINER), also for writers that bind no user (seed, bench).
ALTER TABLE receivable_open_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY receivable_open_days_select ON receivable_open_days FOR SELECT
  USING (user_id = app_user_id());
REVOKE ALL ON receivable_open_days FROM customers_app;
GRANT SELECT ON receivable_open_days TO customers_app;

INSERT INTO receivable_open_days (user_id, due_date, open)
SELECT user_id, due_date, sum(amount - paid)
  FROM customer_receivables
 WHERE type = 'invoice' AND status = 'sent' AND paid < amount
 GROUP BY user_id, due_date;

-- An invoice's open amount leaves its old day and joins its new one. The
-- upsert adds to the row's latest value under its lock, so concurrent
-- writers on one day both count (as the paid increments above).
CREATE FUNCTION receivable_open_days_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.type = 'invoice' AND OLD.status = 'sent' AND OLD.paid < OLD.amount THEN
    UPDATE receivable_open_days SET open = open - (OLD.amount - OLD.paid)
     WHERE user_id = OLD.user_id AND due_date = OLD.due_date;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.type = 'invoice' AND NEW.status = 'sent' AND NEW.paid < NEW.amount THEN
    INSERT INTO receivable_open_days AS d (user_id, due_date, open)
    VALUES (NEW.user_id, NEW.due_date, NEW.amount - NEW.paid)
    ON CONFLICT (user_id, due_date) DO UPDATE SET open = d.open + EXCLUDED.open;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION receivable_open_days_follow() FROM PUBLIC;
CREATE TRIGGER receivable_open_days_insert AFTER INSERT ON customer_receivables
  FOR EACH ROW WHEN (NEW.type = 'invoice' AND NEW.status = 'sent')
  EXECUTE FUNCTION receivable_open_days_follow();
CREATE TRIGGER receivable_open_days_update AFTER UPDATE ON customer_receivables
  FOR EACH ROW WHEN ((OLD.type = 'invoice' OR NEW.type = 'invoice')
    AND (OLD.amount, OLD.paid, OLD.status, OLD.due_date, OLD.user_id, OLD.type)
        IS DISTINCT FROM (NEW.amount, NEW.paid, NEW.status, NEW.due_date, NEW.user_id, NEW.type))
  EXECUTE FUNCTION receivable_open_days_follow();
CREATE TRIGGER receivable_open_days_delete AFTER DELETE ON customer_receivables
  FOR EACH ROW WHEN (OLD.type = 'invoice' AND OLD.status = 'sent')
  EXECUTE FUNCTION receivable_open_days_follow();
