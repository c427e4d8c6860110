-- Evidence files (PDF, PNG, JPEG, xlsx, CSV) stored once by the sha256 of their bytes, which
-- submissions and records name; append-only like the evaluations. ${bytes_type} is BLOB here.
CREATE TABLE evidence_blob (
    sha256      VARCHAR(80)   NOT NULL PRIMARY KEY,
    -- the type read from the bytes themselves, never from a file name or a client's word
    media_type  VARCHAR(100)  NOT NULL,
    size        BIGINT        NOT NULL,
    bytes       ${bytes_type} NOT NULL,
    stored_at   VARCHAR(40)   NOT NULL
);

CREATE TRIGGER evidence_blob_no_update BEFORE UPDATE ON evidence_blob
BEGIN
    SELECT RAISE(ABORT, 'the evidence store is append-only: files cannot be updated');
END;

CREATE TRIGGER evidence_blob_no_delete BEFORE DELETE ON evidence_blob
BEGIN
    SELECT RAISE(ABORT, 'the evidence store is append-only: files cannot be deleted');
END;

-- The evaluator's assessment (verdant.assessment/1) an evaluation was given, its exact bytes, so
-- the archived verdict reproduces; at most one per evaluation, written in the same transaction.
CREATE TABLE evaluation_assessment (
    evaluation_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES evaluation (id),
    file           VARCHAR(500)  NOT NULL,
    sha256         VARCHAR(80)   NOT NULL,
    bytes          ${bytes_type} NOT NULL
);

CREATE TRIGGER evaluation_assessment_no_update BEFORE UPDATE ON evaluation_assessment
BEGIN
    SELECT RAISE(ABORT, 'the evaluation archive is append-only: assessments cannot be updated');
END;

CREATE TRIGGER evaluation_assessment_no_delete BEFORE DELETE ON evaluation_assessment
BEGIN
    SELECT RAISE(ABORT, 'the evaluation archive is append-only: assessments cannot be deleted');
END;
