-- Only armed reminders of open tasks are searched: the index stays as small as the set of reminders still to fire,
-- however many tasks have fired or were completed.
CREATE INDEX tasks_due_reminders ON tasks (remind_at)
    WHERE reminder_fired_at IS NULL AND remind_at IS NOT NULL AND status <> 'COMPLETED';

-- The clean-up job deletes published rows by age; the pending index covers only unpublished ones.
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
