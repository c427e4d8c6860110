-- Evidence files (PDF, PNG, JPEG, xlsx, CSV) stored once by the sha256 of their bytes, which
-- submissions and records name; append-only like the evaluations. ${bytes_type} is BYTEA here.
CREATE TABLE evidence_blob (
    sha256      VARCHAR(80)   NOT NULL PRIMARY KEY,
    -- the type read from the bytes themselves, never from a file name or a client's word
    media_type  VARCHAR(100)  NOT NULL,
    size        BIGINT        NOT NULL,
    bytes       ${bytes_type} NOT NULL,
    stored_at   VARCHAR(40)   NOT NULL
);

-- verdant_archive_append_only() is V2's: one refusal for every archived table.
CREATE TRIGGER evidence_blob_no_update_delete BEFORE UPDATE OR DELETE ON evidence_blob
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();

CREATE TRIGGER evidence_blob_no_truncate BEFORE TRUNCATE ON evidence_blob
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();

-- The evaluator's assessment (verdant.assessment/1) an evaluation was given, its exact bytes, so
-- the archived verdict reproduces; at most one per evaluation, written in the same transaction.
CREATE TABLE evaluation_assessment (
    evaluation_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES evaluation (id),
    file           VARCHAR(500)  NOT NULL,
    sha256         VARCHAR(80)   NOT NULL,
    bytes          ${bytes_type} NOT NULL
);

CREATE TRIGGER evaluation_assessment_no_update_delete BEFORE UPDATE OR DELETE ON evaluation_assessment
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();

CREATE TRIGGER evaluation_assessment_no_truncate BEFORE TRUNCATE ON evaluation_assessment
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
