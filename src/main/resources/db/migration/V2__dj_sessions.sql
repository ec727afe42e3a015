-- DJ sessions: the session's state (intent, played tracks, feedback, requests) as JSON, and its segments in order.
-- Segment numbers are the SSE event ids, so a client resumes with Last-Event-ID from this table.
CREATE TABLE dj_sessions (
    session_id  VARCHAR(64)      NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP        NOT NULL,
    updated_at  TIMESTAMP        NOT NULL,
    state_json  VARCHAR(1000000) NOT NULL
);

CREATE TABLE dj_segments (
    session_id   VARCHAR(64)     NOT NULL,
    seq          INTEGER         NOT NULL,
    created_at   TIMESTAMP       NOT NULL,
    segment_json VARCHAR(200000) NOT NULL,
    PRIMARY KEY (session_id, seq)
);
