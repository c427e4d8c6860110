-- The evaluation archive: one row per evaluation, never changed after it is written.
-- Portable SQL for SQLite and PostgreSQL. ${bytes_type} is BLOB (SQLite) or BYTEA (PostgreSQL);
-- times are ISO-8601 UTC text (e.g. 2026-03-01T08:15:30.123Z), which sorts as it reads.
-- Ids are assigned by Verdant as MAX(id) + 1 inside the writing transaction, so they are
-- gap-free: a missing id would show that a record was taken out.
CREATE TABLE evaluation (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    -- the record this one re-evaluates: the latest earlier record of the same scheme, credit
    -- code and reporting year; UNIQUE keeps the chain a line (no two records re-evaluate one)
    previous_id         BIGINT        UNIQUE REFERENCES evaluation (id),
    evaluated_at        VARCHAR(40)   NOT NULL,
    scheme              VARCHAR(64)   NOT NULL,
    edition             VARCHAR(64)   NOT NULL,
    credit_code         VARCHAR(18)   NOT NULL,
    facility_name       VARCHAR(500)  NOT NULL,
    industry            VARCHAR(32),
    province            VARCHAR(64),
    reporting_year      INTEGER       NOT NULL,
    -- 1 true, 0 false, NULL undetermined (a core veto that cannot be decided)
    eligible            SMALLINT      CHECK (eligible IN (0, 1)),
    mandatory_met       SMALLINT      NOT NULL CHECK (mandatory_met IN (0, 1)),
    -- the verdict's score as written in its JSON (2 decimals); NULL for schemes without one
    score               DECIMAL(9, 2),
    grade               VARCHAR(64),
    lang                VARCHAR(8)    NOT NULL,
    -- what the evaluation was asked for (--edition, --grading); NULL when left to the defaults
    requested_edition   VARCHAR(64),
    requested_grading   VARCHAR(64),
    input_file          VARCHAR(500)  NOT NULL,
    input_digest        VARCHAR(80)   NOT NULL,
    rulebook_digest     VARCHAR(80)   NOT NULL,
    engine_version      VARCHAR(64)   NOT NULL,
    submission          ${bytes_type} NOT NULL,
    verdict_json        TEXT          NOT NULL
);

CREATE INDEX evaluation_facility ON evaluation (credit_code, reporting_year);
CREATE INDEX evaluation_cohort ON evaluation (reporting_year, scheme);
