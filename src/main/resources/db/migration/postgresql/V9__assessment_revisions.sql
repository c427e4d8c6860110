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

-- verdant_archive_append_only() is V2's: one refusal for every archived table.
CREATE TRIGGER assessment_revision_no_update_delete BEFORE UPDATE OR DELETE ON assessment_revision
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();

CREATE TRIGGER assessment_revision_no_truncate BEFORE TRUNCATE ON assessment_revision
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
