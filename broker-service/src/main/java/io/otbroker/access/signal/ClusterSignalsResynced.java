package io.otbroker.access.signal;

import java.time.Instant;

/**
 * Fired ({@code @Observes ClusterSignalsResynced}) when this broker listens again after it lost its
 * connection to the signal channel. Access changes committed meanwhile were not delivered to it, so an
 * observer must re-read what it depends on from the database: the session layer re-checks every live
 * session against its grant.
 *
 * @param at when listening resumed (broker clock)
 */
public record ClusterSignalsResynced(Instant at) {}
