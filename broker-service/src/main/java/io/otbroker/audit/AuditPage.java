package io.otbroker.audit;

import java.util.List;

/** One page of audit events, newest first, and how many events match in total. */
public record AuditPage(List<AuditEventView> items, int page, int size, long total) {}
