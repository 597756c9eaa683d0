-- Session rules of a conduit: commands without a shell, and keeping a copy of each transferred file.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- Deny by default: existing conduits allow no command without a shell until an admin says so.
alter table conduit add column exec_allowed boolean default false not null;
alter table conduit add column keep_transferred_files boolean default false not null;

-- SL3 and SL4 zones always keep transferred files (SecurityLevel.transferredFilesKept).
update conduit set keep_transferred_files = true
    where zone_id in (select id from zone where security_level in ('SL3', 'SL4'));
