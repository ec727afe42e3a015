-- Online experiments: each experiment with its arms (JSON), every exposure (a playlist version or DJ segment shown to
-- a listener under an arm) and every outcome (a listening event on an exposed playlist, a refinement, a removal).
-- subject_id is a playlist id or a DJ session id. Plain types so the same migration runs on H2 and PostgreSQL.
CREATE TABLE experiments (
    experiment_id VARCHAR(64)     NOT NULL PRIMARY KEY,
    name          VARCHAR(200)    NOT NULL,
    description   VARCHAR(2000),
    unit          VARCHAR(20)     NOT NULL,
    status        VARCHAR(20)     NOT NULL,
    arms_json     VARCHAR(100000) NOT NULL,
    created_at    TIMESTAMP       NOT NULL,
    stopped_at    TIMESTAMP
);

CREATE TABLE experiment_exposures (
    experiment_id VARCHAR(64)      NOT NULL,
    arm           VARCHAR(100)     NOT NULL,
    user_id       VARCHAR(100)     NOT NULL,
    subject_id    VARCHAR(64)      NOT NULL,
    version       INTEGER          NOT NULL,
    kind          VARCHAR(20)      NOT NULL,
    latency_ms    DOUBLE PRECISION NOT NULL,
    llm_tokens    INTEGER          NOT NULL,
    fallback      BOOLEAN          NOT NULL,
    at            TIMESTAMP        NOT NULL
);
CREATE INDEX experiment_exposures_experiment ON experiment_exposures (experiment_id);
CREATE INDEX experiment_exposures_user ON experiment_exposures (user_id);
CREATE INDEX experiment_exposures_subject ON experiment_exposures (subject_id);

CREATE TABLE experiment_outcomes (
    user_id    VARCHAR(100) NOT NULL,
    subject_id VARCHAR(64)  NOT NULL,
    type       VARCHAR(20)  NOT NULL,
    at         TIMESTAMP    NOT NULL
);
CREATE INDEX experiment_outcomes_subject ON experiment_outcomes (subject_id);
CREATE INDEX experiment_outcomes_user ON experiment_outcomes (user_id);
