-- The new-invoice form suggests the number after the user's highest one
-- (app/receivables/invoice-defaults.server.ts). Finding it parsed every
-- invoice number of the user's on each view of the tab: ~100,000 for the
-- bench user, hundreds of milliseconds. The trailing number is now a column,
-- kept by the defaults trigger, and an index hands over the highest.

ALTER TABLE customer_receivables ADD COLUMN reference_number NUMERIC;

UPDATE customer_receivables SET reference_number = (regexp_match(reference, '([0-9]+)$'))[1]::numeric
 WHERE type = 'invoice' AND reference ~ '[0-9]$';

CREATE INDEX idx_customer_receivables_invoice_number
  ON customer_receivables (user_id, reference_number, created_at)
  WHERE type = 'invoice' AND reference_number IS NOT NULL;

-- Whoever writes the row (the app, the seed, a test's factory, the bench's
-- generator), the column follows the number.
CREATE FUNCTION customer_receivables_reference_number() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.reference_number := CASE WHEN NEW.type = 'invoice' THEN (regexp_match(NEW.reference, '([0-9]+)$'))[1]::numeric END;
  RETURN NEW;
END
$$;
CREATE TRIGGER customer_receivables_reference_number BEFORE INSERT OR UPDATE OF reference, type, reference_number ON customer_receivables
  FOR EACH ROW EXECUTE FUNCTION customer_receivables_reference_number();
