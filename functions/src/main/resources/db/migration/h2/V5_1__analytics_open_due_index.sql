-- H2 has no partial indexes.
CREATE INDEX analytics_tasks_open_due ON analytics_tasks (due_at);
