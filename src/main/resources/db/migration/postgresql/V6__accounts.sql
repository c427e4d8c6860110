-- Accounts of `verdant serve` (issue 16): people with roles, their API tokens and sign-in
-- sessions, and the access log. Passwords are bcrypt hashes; tokens and session ids are stored
-- only as SHA-256 digests, so reading these tables gives nobody a way in.
CREATE TABLE account (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    roles         VARCHAR(200) NOT NULL, -- role names, comma-separated (org.verdant.access.Role)
    credit_codes  TEXT         NOT NULL, -- an enterprise's own / an evaluator's assigned credit codes, comma-separated
    password_hash VARCHAR(200) NOT NULL,
    created_at    VARCHAR(30)  NOT NULL
);

CREATE TABLE api_token (
    token_digest CHAR(64)    NOT NULL PRIMARY KEY,
    account      VARCHAR(64) NOT NULL REFERENCES account (name) ON DELETE CASCADE,
    created_at   VARCHAR(30) NOT NULL
);

CREATE TABLE web_session (
    session_digest CHAR(64)    NOT NULL PRIMARY KEY,
    account        VARCHAR(64) NOT NULL REFERENCES account (name) ON DELETE CASCADE,
    csrf_token     VARCHAR(64) NOT NULL,
    expires_at     VARCHAR(30) NOT NULL
);

-- Who read or wrote which record, when, and what the service answered. Append-only like the archive.
CREATE TABLE access_log (
    id          BIGSERIAL    NOT NULL PRIMARY KEY,
    at          VARCHAR(30)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    what        VARCHAR(200) NOT NULL,
    record_id   BIGINT,
    credit_code VARCHAR(32),
    outcome     VARCHAR(20)  NOT NULL
);

CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();

CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
