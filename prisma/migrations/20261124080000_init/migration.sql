-- Initial schema: the auth tables this app needs, and the seven tables of the
-- Customers spec (phase 1) with their CHECKs, indexes and updated_at triggers.
-- Row-level security arrives in its own migration; it is deliberately absent here.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Shared trigger function: keeps updated_at honest whoever writes the row.
CREATE OR REPLACE FUNCTION update_updated_at()
RETURNS TRIGGER AS $$
BEGIN
  NEW.updated_at = NOW();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- ---------------------------------------------------------------- auth ----

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-cased by the application; unique per address.
  email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE passwords (
  user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Server-side sessions. The cookie carries a random token; only its SHA-256
-- is stored, so a copy of this table cannot be replayed as a login.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_sessions_user_id ON sessions(user_id);
CREATE INDEX idx_sessions_expires_at ON sessions(expires_at);

CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();
CREATE TRIGGER passwords_updated_at BEFORE UPDATE ON passwords
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();

-- ----------------------------------------------------------- customers ----

CREATE TABLE customers (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'lead'
    CHECK (status IN ('lead', 'prospect', 'negotiation', 'live', 'on_hold', 'archive')),
  info JSONB DEFAULT '{}'::jsonb,
  deleted_at TIMESTAMPTZ DEFAULT NULL,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE customer_agreements (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT 'retainer',
  start_date DATE,
  end_date DATE,
  pricing JSONB DEFAULT '{}'::jsonb,
  override_status TEXT DEFAULT NULL CHECK (override_status IN ('terminated', 'suspended')),
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE customer_receivables (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('invoice', 'payment')),
  amount NUMERIC(12,2) NOT NULL,
  date DATE NOT NULL,
  status TEXT DEFAULT 'sent',
  description TEXT,
  reference TEXT,
  linked_invoice_id UUID REFERENCES customer_receivables(id) ON DELETE SET NULL,
  linked_agreement_id UUID REFERENCES customer_agreements(id) ON DELETE SET NULL,
  metadata JSONB DEFAULT '{}'::jsonb,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE customer_projects (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL DEFAULT 'planning'
    CHECK (status IN ('planning', 'active', 'on_hold', 'completed', 'archived')),
  agreement_id UUID REFERENCES customer_agreements(id) ON DELETE SET NULL,
  metadata JSONB DEFAULT '{}'::jsonb,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE customer_artifacts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES customer_projects(id) ON DELETE CASCADE,
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  type TEXT NOT NULL DEFAULT 'custom',
  title TEXT NOT NULL,
  content TEXT DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_progress', 'review', 'final', 'archived')),
  metadata JSONB DEFAULT '{}'::jsonb,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE customer_events (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  event_type TEXT NOT NULL DEFAULT 'update',
  title TEXT NOT NULL,
  description TEXT,
  participants TEXT[],
  metadata JSONB DEFAULT '{}'::jsonb,
  event_date TIMESTAMPTZ DEFAULT NOW(),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- Schema only in phase 1; the chat arrives in phase 4.
CREATE TABLE customer_chat_messages (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content TEXT NOT NULL,
  agent_type TEXT CHECK (agent_type IN ('customer_mgmt', 'product_mgmt')),
  metadata JSONB DEFAULT '{}'::jsonb,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX idx_customers_user_id ON customers(user_id);
CREATE INDEX idx_customers_user_id_id ON customers(user_id, id);
CREATE INDEX idx_customers_status ON customers(status);
CREATE INDEX idx_customers_deleted_at ON customers(deleted_at) WHERE deleted_at IS NULL;
-- Case-insensitive substring search on the name (ILIKE '%q%').
CREATE INDEX idx_customers_name_trgm ON customers USING GIN (name gin_trgm_ops);
CREATE INDEX idx_customer_agreements_customer_id ON customer_agreements(customer_id);
CREATE INDEX idx_customer_receivables_customer_id ON customer_receivables(customer_id);
CREATE INDEX idx_customer_receivables_type ON customer_receivables(type);
CREATE INDEX idx_customer_projects_customer_id ON customer_projects(customer_id);
CREATE INDEX idx_customer_artifacts_project_id ON customer_artifacts(project_id);
CREATE INDEX idx_customer_artifacts_customer_id ON customer_artifacts(customer_id);
CREATE INDEX idx_customer_events_customer_id ON customer_events(customer_id);
CREATE INDEX idx_customer_events_event_date ON customer_events(event_date DESC);
CREATE INDEX idx_customer_chat_messages_customer_id ON customer_chat_messages(customer_id);

CREATE TRIGGER customers_updated_at BEFORE UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();
CREATE TRIGGER customer_agreements_updated_at BEFORE UPDATE ON customer_agreements
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();
CREATE TRIGGER customer_receivables_updated_at BEFORE UPDATE ON customer_receivables
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();
CREATE TRIGGER customer_projects_updated_at BEFORE UPDATE ON customer_projects
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();
CREATE TRIGGER customer_artifacts_updated_at BEFORE UPDATE ON customer_artifacts
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();
