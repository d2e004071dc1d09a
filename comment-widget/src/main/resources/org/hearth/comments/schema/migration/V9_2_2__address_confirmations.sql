-- E-mail addresses whose owner confirmed them through the link mailed to them: first-time moderation trusts a typed
-- address only when it is confirmed and a comment with it was approved. Kept by the address's fingerprint, never in
-- clear; requested_at is when the last confirmation e-mail was queued (at most one per address and day).
CREATE TABLE hc_address_confirmation (
    email_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    version      BIGINT      NOT NULL,
    requested_at TIMESTAMP   NOT NULL,
    confirmed_at TIMESTAMP
);
