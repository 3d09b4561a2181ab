/**
 * The data set's invoices and payments, generated inside PostgreSQL after
 * each batch of customers (see dataset.ts). The bench user (the first by
 * email) gets many: 1–21 invoices per customer, about 200,000 rows over its
 * 10,000 customers, so that its receivables tab, the cross-customer list and
 * their summaries read a heavy account. Every other user gets 0–2 invoices
 * per customer, which keeps the bench user's rows near a tenth of the table
 * (as one account among many would be) and the build short.
 *
 * Per invoice, from a hash of its customer and number: 3% draft, 2% void,
 * the rest sent; a sent invoice is paid in full (68%), overpaid by 50.00 (2%,
 * credit), paid half (11%, one in eleven of those payments void) or not at
 * all. Sent invoices are dated up to 200 days back with 30 days' terms, so
 * their due dates fall in every aging bucket. One customer in ten also has an
 * unapplied payment (credit). Numbers are INV-<customer>-<n>, unique per user.
 * The schema's CHECKs, foreign keys and defaults trigger apply to every row.
 */

export const INSERT_RECEIVABLES = `
WITH owners AS (
  SELECT id, n FROM (SELECT id, row_number() OVER (ORDER BY email)::int AS n FROM users) ranked
   WHERE n BETWEEN $1 AND $2
), mine AS (
  SELECT c.id, c.user_id, o.n, abs(hashtext(c.id::text || 'receivables')) AS h,
         row_number() OVER (PARTITION BY c.user_id ORDER BY c.id) AS g
    FROM customers c JOIN owners o ON o.id = c.user_id
), invoices AS (
  INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, due_date, status, reference, description)
  SELECT m.user_id, m.id, 'invoice',
         (100 + (x / 7) % 4900) + ((x / 13) % 100) / 100.0,
         d.day, d.day + 30,
         CASE WHEN x % 100 < 3 THEN 'draft' WHEN x % 100 < 5 THEN 'void' ELSE 'sent' END,
         'INV-' || lpad(m.g::text, 5, '0') || '-' || lpad(i::text, 2, '0'),
         'Consulting services'
    FROM mine m
   CROSS JOIN LATERAL generate_series(1, CASE WHEN m.n = 1 THEN 1 + m.h % 21 ELSE m.h % 3 END) i
   CROSS JOIN LATERAL (SELECT abs(hashtext(m.id::text || '/' || i)) AS x) hashed
   CROSS JOIN LATERAL (SELECT current_date - CASE WHEN x % 100 < 3 THEN x % 10 ELSE (x / 100) % 200 END AS day) d
  RETURNING id, user_id, customer_id, amount, date, status
), payments AS (
  INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, status, reference, linked_invoice_id, description)
  SELECT i.user_id, i.customer_id, 'payment',
         CASE WHEN y < 68 THEN i.amount WHEN y < 70 THEN i.amount + 50 ELSE round(i.amount / 2, 2) END,
         least(current_date, i.date + 5 + y % 30),
         CASE WHEN y = 80 THEN 'void' ELSE 'received' END,
         'TRX-' || left(i.id::text, 8), i.id, 'Bank transfer'
    FROM invoices i
   CROSS JOIN LATERAL (SELECT abs(hashtext(i.id::text)) % 100 AS y) hashed
   WHERE i.status = 'sent' AND y < 81
  RETURNING 1
), credits AS (
  INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, status, reference, description)
  SELECT m.user_id, m.id, 'payment', 250 + m.h % 500, current_date - m.h % 90, 'received', 'Prepayment', 'Advance payment'
    FROM mine m
   WHERE m.h % 10 = 0
  RETURNING 1
)
SELECT (SELECT count(*) FROM invoices) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM credits) AS rows`;
