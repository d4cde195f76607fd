-- Task analytics (see io.taskflow.core.analytics). One row of facts per task, kept from its events; a row is only
-- replaced by the facts of a newer version, so replaying events changes nothing.
CREATE TABLE analytics_tasks (
    task_id      UUID PRIMARY KEY,
    owner_id     UUID NOT NULL,
    -- Null only when the task's deletion was the first event seen of it.
    created_at   TIMESTAMP WITH TIME ZONE,
    due_at       TIMESTAMP WITH TIME ZONE,
    -- The UTC day of due_at, the day the task counts as overdue on; computed by the application.
    due_day      DATE,
    completed_at TIMESTAMP WITH TIME ZONE,
    deleted_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL
);
CREATE INDEX analytics_tasks_owner_due_day ON analytics_tasks (owner_id, due_day);
CREATE INDEX analytics_tasks_due_day ON analytics_tasks (due_day);

-- Counters per user and UTC day, added to by the first processing of each task event.
CREATE TABLE analytics_daily (
    owner_id          UUID NOT NULL,
    utc_day           DATE NOT NULL,
    created           BIGINT NOT NULL,
    completed         BIGINT NOT NULL,
    completion_count  BIGINT NOT NULL,
    completion_millis BIGINT NOT NULL,
    PRIMARY KEY (owner_id, utc_day)
);
-- Everyone's numbers for a period.
CREATE INDEX analytics_daily_by_day ON analytics_daily (utc_day);
