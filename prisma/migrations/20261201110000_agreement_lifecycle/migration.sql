-- Agreements (DOMAIN.md): notice period, termination, renewal links, the
-- allowed types, and the computed status as one SQL function that every page,
-- stat and API response selects.

-- Earlier rows were free text: map the known synonyms, the rest to 'other'.
UPDATE customer_agreements SET type = 'fixed_fee' WHERE type = 'fixed';
UPDATE customer_agreements SET type = 'hourly' WHERE type = 'time_and_materials';
UPDATE customer_agreements SET type = 'other' WHERE type NOT IN ('retainer', 'fixed_fee', 'hourly', 'other');
UPDATE customer_agreements SET scope = left(scope, 500) WHERE length(scope) > 500;
UPDATE customer_agreements SET end_date = start_date WHERE end_date < start_date;
UPDATE customer_agreements SET pricing = '{}'::jsonb WHERE pricing IS NULL OR jsonb_typeof(pricing) <> 'object';

ALTER TABLE customer_agreements
  ADD COLUMN notice_days INTEGER NOT NULL DEFAULT 30,
  ADD COLUMN terminated_on DATE,
  ADD COLUMN termination_reason TEXT,
  ADD COLUMN renewal_of UUID REFERENCES customer_agreements (id) ON DELETE SET NULL;

ALTER TABLE customer_agreements
  ADD CONSTRAINT customer_agreements_type_check CHECK (type IN ('retainer', 'fixed_fee', 'hourly', 'other')),
  ADD CONSTRAINT customer_agreements_scope_check CHECK (length(scope) BETWEEN 1 AND 500),
  ADD CONSTRAINT customer_agreements_dates_check CHECK (end_date >= start_date),
  ADD CONSTRAINT customer_agreements_notice_days_check CHECK (notice_days BETWEEN 0 AND 365),
  ADD CONSTRAINT customer_agreements_termination_reason_check CHECK (length(termination_reason) <= 1000),
  ADD CONSTRAINT customer_agreements_pricing_check CHECK (jsonb_typeof(pricing) = 'object');

-- ON DELETE SET NULL looks the successor up by its link; an agreement's
-- billed and paid figures follow invoice → agreement and payment → invoice.
CREATE INDEX idx_customer_agreements_renewal_of ON customer_agreements (renewal_of);
CREATE INDEX idx_customer_receivables_linked_agreement_id ON customer_receivables (linked_agreement_id);
CREATE INDEX idx_customer_receivables_linked_invoice_id ON customer_receivables (linked_invoice_id);

-- The computed status: the first rule that matches. A missing start has
-- started; a missing end never ends. IMMUTABLE plain SQL, so the planner
-- inlines it into the query that calls it.
CREATE FUNCTION agreement_status(start_date date, end_date date, notice_days integer, override_status text, today date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN override_status = 'terminated' THEN 'terminated'
    WHEN override_status = 'suspended' THEN 'suspended'
    WHEN start_date > today THEN 'upcoming'
    WHEN end_date < today THEN 'expired'
    WHEN end_date - today <= notice_days THEN 'expiring_soon'
    ELSE 'active'
  END
$$;
GRANT EXECUTE ON FUNCTION agreement_status(date, date, integer, text, date) TO customers_app;
