-- Notifications. No foreign keys to users: these rows are written by an event consumer, which must not depend on
-- the order in which other topics are read, and the preferences may live in a state store instead.

-- One row per user who saved preferences; a user without a row has the defaults.
CREATE TABLE notification_preferences (
    user_id         UUID PRIMARY KEY,
    -- Type names and channel names joined by ',' (neither contains one).
    events          VARCHAR(200) NOT NULL,
    channels        VARCHAR(50) NOT NULL,
    quiet_start     VARCHAR(5),
    quiet_end       VARCHAR(5),
    quiet_time_zone VARCHAR(64),
    webhook_url     VARCHAR(2000),
    -- The HMAC key of the user's webhooks: needed in clear to sign, so kept like any other credential of the database.
    webhook_secret  VARCHAR(100),
    digest          BOOLEAN NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The in-app list.
CREATE TABLE notifications (
    id             UUID PRIMARY KEY,
    user_id        UUID NOT NULL,
    cause_type     VARCHAR(64) NOT NULL,
    cause_event_id UUID NOT NULL,
    task_id        UUID,
    title          VARCHAR(200) NOT NULL,
    message        VARCHAR(1000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notifications_user_page ON notifications (user_id, created_at DESC, id DESC);

-- One row per notification and outside channel: claimed (sending) before it is sent, so it goes out at most once.
CREATE TABLE notification_deliveries (
    id              UUID PRIMARY KEY,
    notification_id UUID NOT NULL,
    user_id         UUID NOT NULL,
    cause_event_id  UUID NOT NULL,
    cause_type      VARCHAR(64) NOT NULL,
    channel         VARCHAR(16) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    detail          VARCHAR(1000),
    attempts        INT DEFAULT 0 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_deliveries_once UNIQUE (cause_event_id, channel)
);
CREATE INDEX notification_deliveries_updated ON notification_deliveries (updated_at);

-- One row per user and UTC day whose digest was taken on, inserted before sending: at most one digest a day.
CREATE TABLE digests (
    user_id     UUID NOT NULL,
    digest_day  DATE NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(16),
    detail      VARCHAR(1000),
    finished_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, digest_day)
);
CREATE INDEX digests_day ON digests (digest_day);
