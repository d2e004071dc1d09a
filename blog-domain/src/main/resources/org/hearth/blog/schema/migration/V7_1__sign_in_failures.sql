-- Failed sign-ins per network address, as one account (account_key) or as any (account_key NULL): SignInThrottle.
-- Keys are SHA-256 fingerprints, never the username or address in clear.
CREATE TABLE blog_sign_in_failures (
    throttle_key    VARCHAR(64) NOT NULL PRIMARY KEY,
    account_key     VARCHAR(64),
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMP   NOT NULL
);
CREATE INDEX ix_blog_sign_in_failures_account ON blog_sign_in_failures (account_key);
CREATE INDEX ix_blog_sign_in_failures_last ON blog_sign_in_failures (last_failure_at);

-- An account no longer keeps a failure count or a lock of its own. The columns stay while older instances may still
-- run during an upgrade (migrations only add); members created from now on get a zero count.
ALTER TABLE blog_team_user ALTER COLUMN failed_sign_ins SET DEFAULT 0;
