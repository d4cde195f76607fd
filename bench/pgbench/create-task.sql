-- The transaction POST /tasks performs (JdbcTaskStore.insert, then JdbcEventOutbox.append), for pgbench:
-- the task row and its task.created outbox row, committed together. Variables: owner (a user id), data (a real
-- task.created event body taken from the application's own outbox in the same run), schema (its data schema; a
-- literal with colons in it would be read as pgbench variables).
BEGIN;
INSERT INTO tasks (title, description, priority, status, due_at, remind_at, tags, recurrence, version, updated_at,
    completed_at, id, owner_id, created_at)
  VALUES ('Bench task', NULL, 'MEDIUM', 'OPEN', NULL, NULL, '', NULL, 1, now(), NULL, gen_random_uuid(), :owner, now());
INSERT INTO outbox (event_id, event_type, source, subject, occurred_at, data_schema, correlation_id, traceparent,
    tracestate, data, created_at)
  VALUES (gen_random_uuid(), 'task.created', '/taskflow/api', CAST(gen_random_uuid() AS VARCHAR), now(),
    :schema, CAST(gen_random_uuid() AS VARCHAR), NULL, NULL, :data, now());
COMMIT;
