-- Login throttling per (account, client address), with an account-wide count
-- that only slows down addresses that keep failing
-- (docs/decisions/0008-login-throttling.md): the slowdown runs from each
-- address's last failure, so every counter records when that was.
ALTER TABLE login_throttle ADD COLUMN last_failed_at TIMESTAMPTZ NOT NULL DEFAULT NOW();
UPDATE login_throttle SET last_failed_at = window_started_at;
