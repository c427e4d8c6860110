-- Append-only: SQLite refuses every UPDATE and DELETE of an archived evaluation.
-- (A DELETE without WHERE fires these triggers too: SQLite's truncate shortcut is off when a
-- table has a DELETE trigger.)
CREATE TRIGGER evaluation_no_update BEFORE UPDATE ON evaluation
BEGIN
    SELECT RAISE(ABORT, 'the evaluation archive is append-only: records cannot be updated');
END;

CREATE TRIGGER evaluation_no_delete BEFORE DELETE ON evaluation
BEGIN
    SELECT RAISE(ABORT, 'the evaluation archive is append-only: records cannot be deleted');
END;
