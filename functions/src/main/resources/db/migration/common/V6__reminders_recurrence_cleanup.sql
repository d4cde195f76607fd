-- Reminders fire once: when a task's reminder fired. Cleared when the reminder is moved, so it fires again then.
ALTER TABLE tasks ADD COLUMN reminder_fired_at TIMESTAMP WITH TIME ZONE;

-- Rules now take BYDAY, COUNT and UNTIL: the longest canonical rule is 74 characters.
ALTER TABLE tasks ALTER COLUMN recurrence SET DATA TYPE VARCHAR(128);

-- Which task follows which in a recurring series. The primary key gives each task at most one next occurrence,
-- whichever completion event (a redelivery, a re-completion) asks for it. No foreign keys: a completed task may be
-- deleted before its completion is consumed, and its series must still go on.
CREATE TABLE series_links (
    previous_task_id UUID PRIMARY KEY,
    next_task_id     UUID NOT NULL,
    linked_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The clean-up job deletes idempotency keys by age.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
