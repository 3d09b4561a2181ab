-- Failed logins per account, counted in a fixed window, so a password cannot be
-- guessed at speed. Shared by every app process (it lives in the database).
-- The key is a hash of the submitted email, whether or not an account has it:
-- throttling behaves the same for real and made-up addresses.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  window_started_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
