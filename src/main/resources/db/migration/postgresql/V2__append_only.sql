-- Append-only: PostgreSQL refuses every UPDATE, DELETE and TRUNCATE of archived evaluations.
-- (TRUNCATE fires no row trigger, hence the statement trigger.) Needs PostgreSQL 11 or later.
CREATE FUNCTION verdant_archive_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the evaluation archive is append-only: % is not allowed on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER evaluation_no_update_delete BEFORE UPDATE OR DELETE ON evaluation
    FOR EACH ROW EXECUTE FUNCTION verdant_archive_append_only();

CREATE TRIGGER evaluation_no_truncate BEFORE TRUNCATE ON evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION verdant_archive_append_only();
