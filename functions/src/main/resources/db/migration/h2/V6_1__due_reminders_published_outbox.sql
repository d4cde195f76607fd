-- H2 has no partial indexes. Published outbox rows are found by age through outbox_pending (published_at, id).
CREATE INDEX tasks_due_reminders ON tasks (reminder_fired_at, remind_at);
