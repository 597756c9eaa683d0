-- Tamper-evident audit log: one row per event, each row linked to the previous one by
-- hash = SHA-256(prev_hash || canonical(event)). Portable SQL for H2 and PostgreSQL.

CREATE TABLE audit_event (
    seq         BIGINT                      NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code        VARCHAR(16)                 NOT NULL,
    event_name  VARCHAR(64)                 NOT NULL,
    actor       VARCHAR(255)                NOT NULL,
    subject     VARCHAR(512),
    details     VARCHAR                     NOT NULL,
    prev_hash   VARCHAR(64)                 NOT NULL,
    hash        VARCHAR(64)                 NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (seq),
    -- Two events claiming the same predecessor would fork the chain: the database refuses it
    -- even if the application-level lock were ever bypassed.
    CONSTRAINT audit_event_prev_hash_uq UNIQUE (prev_hash),
    CONSTRAINT audit_event_hash_uq UNIQUE (hash)
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_code_idx ON audit_event (code);
CREATE INDEX audit_event_actor_idx ON audit_event (actor);
CREATE INDEX audit_event_subject_idx ON audit_event (subject);

-- The tail of the chain. Appenders lock this single row (SELECT ... FOR UPDATE) inside their
-- transaction, which serialises appends across threads and across broker instances.
CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
