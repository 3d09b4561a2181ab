/**
 * The data set's projects and artifacts, generated inside PostgreSQL after
 * each batch of customers (see dataset.ts), or for every user at once when a
 * data set made before projects existed is reused. The bench user (the first
 * by email) gets 0–4 projects per customer (about 20,000 over its 10,000
 * customers) with 0–12 artifacts each (about 120,000) of 1–16 paragraphs of
 * Markdown (0.5–7 KB): its board, project and artifact pages read a heavy
 * account. Every other user's customers have a project one time in five, with
 * 0–2 short artifacts, which keeps the build short.
 *
 * From a hash of the customer and the project's number: every project status
 * (archived included), two projects in three linked to one of the customer's
 * agreements; per artifact, every type and every workflow status. Timestamps
 * fall between the customer's creation and now. The schema's CHECKs (type,
 * blank title, 200 KB content), foreign keys (an artifact's customer is its
 * project's, an agreement is the project's customer's) apply to every row.
 */

const text = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", ")}]::text[]`;
const PROJECT_STATUSES = text(["planning", "active", "on_hold", "completed", "archived"]);
const ARTIFACT_STATUSES = text(["draft", "in_progress", "review", "final", "archived"]);
const ARTIFACT_TYPES = text(["document", "design", "report", "code", "custom"]);
const PROJECT_NAMES = text(["Website relaunch", "Mobile onboarding", "Data migration", "Brand refresh", "Analytics dashboard", "Checkout redesign"]);
const ARTIFACT_TITLES = text(["Brand guide", "Requirements", "Wireframes", "Test report", "API client", "Launch plan", "Research notes"]);

// One paragraph of Markdown (~430 characters) with the inline syntax the renderer handles:
// emphasis, code, a link, a list. `%s` is the paragraph's number.
const PARAGRAPH = `'## Section %s' || E'\\n\\n' ||
  'We reviewed the **current state** with the customer''s team and agreed on the _next steps_: ' ||
  'the \`checkout\` flow keeps its three steps, the summary moves to the side panel. ' ||
  'See [the shared notes](https://example.com/notes) for the details of each decision.' || E'\\n\\n' ||
  '- Owner: product team' || E'\\n' || '- Review: design lead' || E'\\n' || '- Due: end of the sprint' || E'\\n\\n'`;

/** Users number $1..$2 (by email); answers how many projects and artifacts it inserted. */
export const INSERT_PROJECTS = `
WITH owners AS (
  SELECT id, n FROM (SELECT id, row_number() OVER (ORDER BY email)::int AS n FROM users) ranked
   WHERE n BETWEEN $1 AND $2
), mine AS (
  SELECT c.id, c.user_id, o.n, c.created_at, abs(hashtext(c.id::text || 'projects')) AS h
    FROM customers c JOIN owners o ON o.id = c.user_id
), agreements AS (
  SELECT a.customer_id, array_agg(a.id ORDER BY a.id) AS ids
    FROM customer_agreements a JOIN owners o ON o.id = a.user_id
   GROUP BY a.customer_id
), projects AS (
  INSERT INTO customer_projects (user_id, customer_id, name, description, status, agreement_id, created_at, updated_at)
  SELECT m.user_id, m.id,
         (${PROJECT_NAMES})[1 + (m.h + k) % 6] || ' ' || k,
         CASE WHEN (m.h + k) % 4 <> 0 THEN 'Scope, milestones and deliverables agreed in the kick-off.' END,
         (${PROJECT_STATUSES})[1 + (m.h / 7 + k) % 5],
         CASE WHEN (m.h + k) % 3 <> 0 THEN a.ids[1 + (m.h + k) % 2] END,
         t.created_at, t.created_at + (now() - t.created_at) * ((m.h + k) % 10 / 10.0)
    FROM mine m
    LEFT JOIN agreements a ON a.customer_id = m.id
   CROSS JOIN LATERAL generate_series(1, CASE WHEN m.n = 1 THEN m.h % 5 WHEN m.h % 5 = 0 THEN 1 ELSE 0 END) k
   CROSS JOIN LATERAL (SELECT coalesce(m.created_at, now()) + (now() - coalesce(m.created_at, now())) * (k / 8.0) AS created_at) t
  RETURNING id, user_id, customer_id, created_at
), artifacts AS (
  INSERT INTO customer_artifacts (user_id, customer_id, project_id, type, title, content, status, created_at, updated_at)
  SELECT p.user_id, p.customer_id, p.id,
         (${ARTIFACT_TYPES})[1 + (x / 5 + j) % 5],
         (${ARTIFACT_TITLES})[1 + (x + j) % 7] || ' v' || j,
         '# ' || (${ARTIFACT_TITLES})[1 + (x + j) % 7] || E'\\n\\n' ||
           (SELECT string_agg(format(${PARAGRAPH}, s), '' ORDER BY s)
              FROM generate_series(1, CASE WHEN o.n = 1 THEN 1 + (x + j) % 16 ELSE 1 + (x + j) % 3 END) s),
         (${ARTIFACT_STATUSES})[1 + (x / 3 + j) % 5],
         p.created_at + (now() - p.created_at) * (j / 16.0),
         p.created_at + (now() - p.created_at) * ((j + (x + j) % 4) / 16.0)
    FROM projects p
    JOIN owners o ON o.id = p.user_id
   CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text)) AS x) hashed
   CROSS JOIN LATERAL generate_series(1, CASE WHEN o.n = 1 THEN x % 13 ELSE x % 3 END) j
  RETURNING 1
)
SELECT (SELECT count(*) FROM projects) AS projects, (SELECT count(*) FROM artifacts) AS artifacts`;
