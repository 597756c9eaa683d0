package io.otbroker.access;

import java.util.List;

/** One page of access requests, newest first, and how many match in total. */
public record AccessRequestPage(List<AccessRequestView> items, int page, int size, long total) {}
