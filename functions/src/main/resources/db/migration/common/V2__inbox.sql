-- Which events each consumer has processed: written in the transaction of the consumer's effect.
CREATE TABLE inbox (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
-- The clean-up job deletes rows older than the broker's retention.
CREATE INDEX inbox_processed_at ON inbox (processed_at);
