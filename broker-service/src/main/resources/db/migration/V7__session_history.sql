-- One row per relayed session that got a recording (its id is the recording's id), kept after the session
-- ends: who, what, when, how it ended, bytes carried, and the recording's state and last verification.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
create table session_history (
    id                  uuid                        primary key,
    grant_id            bigint                      not null,
    vendor              varchar(255)                not null,
    asset               varchar(255)                not null,
    protocol            varchar(16)                 not null,
    started_at          timestamp(6) with time zone not null,
    ended_at            timestamp(6) with time zone,
    exit_status         integer,
    end_reason          varchar(1000),
    bytes_to_asset      bigint                      not null,
    bytes_from_asset    bigint                      not null,
    recording_state     varchar(32)                 not null,
    verification        varchar(32)                 not null,
    verification_detail varchar(1000),
    verified_at         timestamp(6) with time zone
);
create index ix_session_history_started on session_history (started_at);
create index ix_session_history_vendor on session_history (vendor, started_at);
create index ix_session_history_asset on session_history (asset, started_at);
