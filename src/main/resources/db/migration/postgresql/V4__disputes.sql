-- Rulebook snapshots and disputes (see docs/disputes.md). Both append-only, like evaluation.
--
-- rulebook_file: every rulebook file an archived verdict used, once, by the sha256 of its bytes.
-- rulebook_snapshot: which files (by logical path) make up the rulebook a verdict's
-- rulebook_digest names, so the rulebook can be compiled again years later.
CREATE TABLE rulebook_file (
    sha256              VARCHAR(80)   NOT NULL PRIMARY KEY,
    bytes               ${bytes_type} NOT NULL
);

CREATE TABLE rulebook_snapshot (
    rulebook_digest     VARCHAR(80)   NOT NULL,
    path                VARCHAR(500)  NOT NULL,
    sha256              VARCHAR(80)   NOT NULL REFERENCES rulebook_file (sha256),
    PRIMARY KEY (rulebook_digest, path)
);

-- A dispute is its steps: the objection (seq 1), each re-evaluation, the ruling. Every step
-- carries the sha256 of its content and the previous step's content sha256 (the content repeats
-- it), so a rewritten step no longer matches the step after it.
CREATE TABLE dispute_step (
    dispute_id          BIGINT        NOT NULL,
    seq                 INTEGER       NOT NULL,
    evaluation_id       BIGINT        NOT NULL REFERENCES evaluation (id),
    credit_code         VARCHAR(18)   NOT NULL,
    kind                VARCHAR(16)   NOT NULL CHECK (kind IN ('objection', 'reevaluation', 'ruling')),
    recorded_at         VARCHAR(40)   NOT NULL,
    actor               VARCHAR(200)  NOT NULL,
    content             TEXT          NOT NULL,
    content_sha256      VARCHAR(80)   NOT NULL,
    previous_sha256     VARCHAR(80),
    PRIMARY KEY (dispute_id, seq)
);

CREATE INDEX dispute_step_evaluation ON dispute_step (evaluation_id);
CREATE INDEX dispute_step_facility ON dispute_step (credit_code);

-- verdant_archive_append_only() is V2's.
CREATE TRIGGER rulebook_file_no_update_delete BEFORE UPDATE OR DELETE ON rulebook_file
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();
CREATE TRIGGER rulebook_file_no_truncate BEFORE TRUNCATE ON rulebook_file
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
CREATE TRIGGER rulebook_snapshot_no_update_delete BEFORE UPDATE OR DELETE ON rulebook_snapshot
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();
CREATE TRIGGER rulebook_snapshot_no_truncate BEFORE TRUNCATE ON rulebook_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
CREATE TRIGGER dispute_step_no_update_delete BEFORE UPDATE OR DELETE ON dispute_step
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();
CREATE TRIGGER dispute_step_no_truncate BEFORE TRUNCATE ON dispute_step
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
