-- The overdue gauge counts open tasks past their due time: only those rows are indexed.
CREATE INDEX analytics_tasks_open_due ON analytics_tasks (due_at) WHERE completed_at IS NULL AND deleted_at IS NULL;
