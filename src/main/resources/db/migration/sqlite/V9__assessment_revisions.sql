-- Evaluators' assessments given to a stored evaluation over the API (PUT
-- /api/evaluations/{id}/assessment), every one kept: evaluation_assessment (V3) holds only the one
-- an evaluation was stored with, so a second assessment is a new revision here, never an
-- overwrite. Each row keeps the document's exact bytes and the verdict re-evaluated with it.
-- Created already chained (TableChain: chain_seq, previous_hash, row_hash) and append-only.
CREATE TABLE assessment_revision (
    evaluation_id  BIGINT        NOT NULL REFERENCES evaluation (id),
    revision       BIGINT        NOT NULL,
    credit_code    VARCHAR(40)   NOT NULL,
    recorded_at    VARCHAR(40)   NOT NULL,
    actor          VARCHAR(200)  NOT NULL,
    file           VARCHAR(500)  NOT NULL,
    sha256         VARCHAR(80)   NOT NULL,
    bytes          ${bytes_type} NOT NULL,
    verdict_json   TEXT          NOT NULL,
    chain_seq      BIGINT        NOT NULL,
    previous_hash  VARCHAR(80)   NOT NULL,
    row_hash       VARCHAR(80)   NOT NULL,
    PRIMARY KEY (evaluation_id, revision)
);

CREATE UNIQUE INDEX assessment_revision_chain_seq ON assessment_revision (chain_seq);

CREATE TRIGGER assessment_revision_no_update BEFORE UPDATE ON assessment_revision
BEGIN
    SELECT RAISE(ABORT, 'the evaluation archive is append-only: assessments cannot be updated');
END;

CREATE TRIGGER assessment_revision_no_delete BEFORE DELETE ON assessment_revision
BEGIN
    SELECT RAISE(ABORT, 'the evaluation archive is append-only: assessments cannot be deleted');
END;
