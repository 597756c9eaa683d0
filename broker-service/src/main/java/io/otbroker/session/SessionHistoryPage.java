package io.otbroker.session;

import java.util.List;

/** One page of sessions, newest first, and how many match in total. */
public record SessionHistoryPage(List<SessionHistoryView> items, int page, int size, long total) {}
