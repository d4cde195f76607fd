-- H2 has no partial indexes.
CREATE INDEX outbox_pending ON outbox (published_at, id);
