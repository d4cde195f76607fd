-- The unread list and the clean-up each read a part of the table only; partial indexes stay that small.
CREATE INDEX notifications_unread ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_read_at ON notifications (read_at) WHERE read_at IS NOT NULL;
CREATE INDEX notification_preferences_digest ON notification_preferences (user_id) WHERE digest;
