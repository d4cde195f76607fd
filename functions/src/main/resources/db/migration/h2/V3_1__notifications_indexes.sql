-- H2 has no partial indexes: the unread list uses notifications_user_page, the clean-up this one.
CREATE INDEX notifications_read_at ON notifications (read_at);
