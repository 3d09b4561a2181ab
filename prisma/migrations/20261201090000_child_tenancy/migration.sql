-- Every child table carries its customer's user_id, so that each child
-- policy is the plain, indexable `user_id = app_user_id()` instead of
-- is_customer_owner(customer_id): a SECURITY DEFINER function the planner
-- cannot inline, which ran once per row (docs/decisions/0007).
--
-- A composite foreign key keeps the copy honest: (user_id, customer_id) must
-- name a row of customers (user_id, id), so a child can never carry another
-- user's id than its customer's. The whole script runs in one transaction.

-- ------------------------------------------------ customers (user_id, id) ----

-- What the children's foreign keys reference. The non-unique index on the same
-- columns cannot be made unique in place; the constraint's index replaces it.
DROP INDEX idx_customers_user_id_id;
ALTER TABLE customers ADD CONSTRAINT customers_user_id_id_key UNIQUE (user_id, id);

-- ------------------------------------------------------ child user_id ----

-- Per child: the column, filled from its customer; the composite foreign key
-- in place of the one on customer_id alone (same ON DELETE CASCADE); and
-- (user_id, customer_id) in place of the (customer_id) index: it serves the
-- policy, the per-customer reads (the policy adds user_id to each) and the
-- cascade, which deletes by both columns.
DO $$
DECLARE
  child text;
BEGIN
  FOREACH child IN ARRAY ARRAY[
    'customer_agreements', 'customer_receivables', 'customer_projects',
    'customer_artifacts', 'customer_events', 'customer_chat_messages'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN user_id uuid', child);
    EXECUTE format(
      'UPDATE %I AS t SET user_id = c.user_id FROM customers c WHERE c.id = t.customer_id', child);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN user_id SET NOT NULL', child);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', child, child || '_customer_id_fkey');
    EXECUTE format(
      'ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (user_id, customer_id) REFERENCES customers (user_id, id) ON DELETE CASCADE',
      child, child || '_user_id_customer_id_fkey');
    EXECUTE format('DROP INDEX %I', 'idx_' || child || '_customer_id');
    EXECUTE format('CREATE INDEX %I ON %I (user_id, customer_id)', 'idx_' || child || '_user_id_customer_id', child);
  END LOOP;
END
$$;

-- An artifact's project belongs to the artifact's customer (hence, through
-- the customer, to the same user). id alone is already unique; the pair is
-- what a foreign key can reference. The (project_id) index still serves the
-- cascade from a deleted project.
ALTER TABLE customer_projects ADD CONSTRAINT customer_projects_id_customer_id_key UNIQUE (id, customer_id);
ALTER TABLE customer_artifacts DROP CONSTRAINT customer_artifacts_project_id_fkey;
ALTER TABLE customer_artifacts ADD CONSTRAINT customer_artifacts_project_id_customer_id_fkey
  FOREIGN KEY (project_id, customer_id) REFERENCES customer_projects (id, customer_id)
  ON DELETE CASCADE;

-- ----------------------------------------------------------- policies ----

-- Same four policies per child (RLS stays enabled and forced), now a plain
-- comparison the planner inlines and can answer from the index above. They no
-- longer look at the customer: hiding an archived customer's children is the
-- reading query's job (it joins its live customer), as it already was for the
-- app's own filter.
DO $$
DECLARE
  child text;
BEGIN
  FOREACH child IN ARRAY ARRAY[
    'customer_agreements', 'customer_receivables', 'customer_projects',
    'customer_artifacts', 'customer_events', 'customer_chat_messages'
  ] LOOP
    EXECUTE format('ALTER POLICY %I ON %I USING (user_id = app_user_id())', child || '_select', child);
    EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (user_id = app_user_id())', child || '_insert', child);
    EXECUTE format('ALTER POLICY %I ON %I USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id())', child || '_update', child);
    EXECUTE format('ALTER POLICY %I ON %I USING (user_id = app_user_id())', child || '_delete', child);
  END LOOP;
END
$$;

-- Nothing calls it any more.
DROP FUNCTION is_customer_owner(uuid);
