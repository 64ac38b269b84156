-- When the last failed login was: failures older than an hour are forgotten, so a failure now
-- and then never keeps an account locked.
ALTER TABLE staff_users ADD COLUMN last_failure_at INTEGER;
