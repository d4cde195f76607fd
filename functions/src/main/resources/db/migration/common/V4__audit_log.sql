-- The audit trail: every event once, in a hash chain (see io.taskflow.core.audit.AuditChain). Rows are never changed
-- or removed; the vendor migration V4_1 makes the database refuse it.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    event_id    UUID NOT NULL,
    type        VARCHAR(64) NOT NULL,
    subject     UUID NOT NULL,
    user_id     UUID NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source      VARCHAR(200) NOT NULL,
    data        VARCHAR NOT NULL,
    prev_hash   VARCHAR(64) NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    CONSTRAINT audit_log_event_unique UNIQUE (event_id)
);
-- GET /audit: one user's entries about one subject, oldest first.
CREATE INDEX audit_log_by_subject ON audit_log (subject, user_id, seq);

-- The end of the chain, a single row. Every append locks it (FOR UPDATE) and moves it in the same transaction, so
-- appends are serialised and no two entries ever link to the same predecessor.
CREATE TABLE audit_chain_head (
    id       INT PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
