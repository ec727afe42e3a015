-- One row per playlist version: the playlist as returned to the caller and the spec the next version starts from.
-- Plain VARCHAR rather than CLOB/TEXT so the same migration runs on H2 and PostgreSQL.
CREATE TABLE playlist_versions (
    playlist_id   VARCHAR(64)      NOT NULL,
    version       INTEGER          NOT NULL,
    created_at    TIMESTAMP        NOT NULL,
    playlist_json VARCHAR(1000000) NOT NULL,
    spec_json     VARCHAR(100000)  NOT NULL,
    PRIMARY KEY (playlist_id, version)
);
