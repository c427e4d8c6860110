-- Drafts of the web page (issue 15): a signed-in person's working copies of a submission, kept
-- across reloads and devices. Unlike every other table these are NOT records: a draft is changed
-- in place and deleted at will, is in no hash chain, and nothing is ever evaluated from it without
-- being submitted. One row per account and draft name; revision counts the saves so that a page
-- holding an older copy is told before it overwrites a newer one.
CREATE TABLE draft (
    account   VARCHAR(64)  NOT NULL, -- the account id (not a foreign key: the local mode's operator has no account row)
    name      VARCHAR(64)  NOT NULL,
    file_name VARCHAR(200),
    content   TEXT         NOT NULL,
    revision  BIGINT       NOT NULL,
    saved_at  VARCHAR(30)  NOT NULL,
    PRIMARY KEY (account, name)
);
