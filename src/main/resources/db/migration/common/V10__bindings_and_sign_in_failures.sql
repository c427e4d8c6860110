-- Issue 16, the last gaps.
--
-- 1. Assessment revisions and dispute steps bind the evaluation they are about: each new row
--    keeps the row_hash its evaluation had when the row was written, and that column is in the
--    row's own hash (TableChain: hashed after previous_hash, only when present, so the rows
--    written before V10 keep their hashes and every head noted before stays valid). A rewritten
--    or re-chained evaluation no longer matches the assessments and steps bound to it.
ALTER TABLE assessment_revision ADD COLUMN evaluation_row_hash VARCHAR(80);
ALTER TABLE dispute_step ADD COLUMN evaluation_row_hash VARCHAR(80);

-- 2. Failed sign-ins, so the lockout (accounts/SignInLimits) survives a restart of the server.
--    One row per account name or address counted; it changes with every attempt, so it is
--    outside the hash chain like the accounts themselves.
CREATE TABLE sign_in_failure (
    counted      VARCHAR(220) NOT NULL PRIMARY KEY, -- account:NAME or address:IP
    window_start VARCHAR(30)  NOT NULL,
    failures     INTEGER      NOT NULL,
    locked_until VARCHAR(30)
);
