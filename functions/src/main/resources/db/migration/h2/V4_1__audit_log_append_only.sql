-- The audit trail is append-only: H2 refuses UPDATE and DELETE on audit_log through a trigger class.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'io.taskflow.functions.audit.AuditLogAppendOnly';

-- H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign key references. This table stays
-- empty; its only purpose is that reference.
CREATE TABLE audit_log_truncate_guard (
    seq BIGINT REFERENCES audit_log (seq)
);
