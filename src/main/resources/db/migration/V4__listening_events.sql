-- Listener profiles: what each listener played, skipped, liked and disliked (bounded per listener by the service),
-- and whether they opted out of personalisation.
CREATE TABLE listening_events (
    user_id   VARCHAR(100) NOT NULL,
    track_id  VARCHAR(200) NOT NULL,
    type      VARCHAR(10)  NOT NULL,
    at        TIMESTAMP    NOT NULL,
    seq       BIGINT       NOT NULL
);
CREATE INDEX listening_events_user ON listening_events (user_id, seq);

CREATE TABLE listener_settings (
    user_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    opted_out  BOOLEAN      NOT NULL
);
