-- Projects and artifacts (DOMAIN.md): the vocabularies and limits as CHECKs,
-- a project's agreement kept within its own customer, and the indexes the
-- board, its artifact counts and the overview's Active projects read. The
-- artifact workflow (which status may follow which) is the app's rule, under
-- the row's lock (app/projects/workflow.ts, docs/decisions/0019).

-- --------------------------------------------------------- existing rows ----

-- Before this phase nothing checked these columns: bring every row within the
-- rules below, changing as little as possible.
UPDATE customer_artifacts SET type = 'custom' WHERE type NOT IN ('document', 'design', 'report', 'code', 'custom');
UPDATE customer_artifacts SET content = '' WHERE content IS NULL;
UPDATE customer_artifacts SET content = left(content, 204800) WHERE length(content) > 204800;
UPDATE customer_artifacts SET title = 'Untitled' WHERE btrim(title) = '';
UPDATE customer_projects SET name = 'Untitled' WHERE btrim(name) = '';
-- A link to another customer's agreement is dropped (the project stays).
UPDATE customer_projects p SET agreement_id = NULL
 WHERE agreement_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM customer_agreements a WHERE a.id = p.agreement_id AND a.customer_id = p.customer_id);

-- ---------------------------------------------------------- constraints ----

-- Statuses were checked since init; the type, the blank name or title and the
-- size of the Markdown (200 KB, counted in characters as the API counts them)
-- were not.
ALTER TABLE customer_artifacts
  ALTER COLUMN content SET NOT NULL,
  ADD CONSTRAINT customer_artifacts_type_check CHECK (type IN ('document', 'design', 'report', 'code', 'custom')),
  ADD CONSTRAINT customer_artifacts_title_check CHECK (btrim(title) <> ''),
  ADD CONSTRAINT customer_artifacts_content_check CHECK (length(content) <= 204800);
ALTER TABLE customer_projects
  ADD CONSTRAINT customer_projects_name_check CHECK (btrim(name) <> '');

-- A project's agreement is its own customer's: the pair (id, customer_id) is
-- what the foreign key references (customer_agreements_id_customer_id_key,
-- migration receivables). Deleting the agreement clears the link only: SET
-- NULL with a column list (PostgreSQL 15+) leaves customer_id alone, where a
-- plain SET NULL would null it too and fail. The app refuses to delete an
-- agreement a project names (409), so this fires in a customer's cascade.
ALTER TABLE customer_projects DROP CONSTRAINT customer_projects_agreement_id_fkey;
ALTER TABLE customer_projects
  ADD CONSTRAINT customer_projects_agreement_id_customer_id_fkey
    FOREIGN KEY (agreement_id, customer_id) REFERENCES customer_agreements (id, customer_id)
    ON DELETE SET NULL (agreement_id);

-- --------------------------------------------------------------- indexes ----

-- The board (a customer's projects by status) and the Active projects stat
-- (status = 'active' per customer): the status after (user_id, customer_id),
-- which still serves the policy, the per-customer reads and the cascade.
DROP INDEX idx_customer_projects_user_id_customer_id;
CREATE INDEX idx_customer_projects_user_id_customer_id_status ON customer_projects (user_id, customer_id, status);

-- Artifact counts per project and status, and a project's artifacts by
-- status; the (project_id) prefix still serves the cascade from a project.
DROP INDEX idx_customer_artifacts_project_id;
CREATE INDEX idx_customer_artifacts_project_id_status ON customer_artifacts (project_id, status);

-- Whether an agreement is named by a project (deleting one asks), and the
-- foreign key's SET NULL.
CREATE INDEX idx_customer_projects_agreement_id ON customer_projects (agreement_id);
