-- Only unpublished rows are searched; a partial index stays small however long published rows are kept.
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
