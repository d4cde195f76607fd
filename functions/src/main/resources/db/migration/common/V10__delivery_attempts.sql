-- Failed deliveries of an event to a consumer, for runtimes whose broker redelivers without counting (the MSK trigger
-- of the AWS functions): the next delivery is attempt failures + 1, and the retry policy dead-letters on that count.
-- A row goes when the event settles (processed or dead-lettered); the clean-up job removes any left behind.
CREATE TABLE delivery_attempts (
    consumer   VARCHAR(64)   NOT NULL,
    event_id   VARCHAR(64)   NOT NULL,
    failures   INT           NOT NULL,
    last_error VARCHAR(1000),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX delivery_attempts_updated_at ON delivery_attempts (updated_at);
