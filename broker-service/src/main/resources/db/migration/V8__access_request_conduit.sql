-- The conduit through which the policy admitted a request, by name as it was then (shown to reviewers).
-- Portable SQL: runs unchanged on H2 and PostgreSQL. Requests made before this column existed keep null.
alter table access_request add column conduit_name varchar(255);
