package io.otbroker.access;

import java.time.Instant;

/**
 * A committed change of an access request or its grant. Delivered as a CDI event
 * ({@code @Observes AccessChange}) on every broker after the change is committed, never before:
 * the session layer opens and cuts sessions on these, so a rolled-back change must not be seen.
 *
 * @param requestId the access request (and grant) id
 * @param assetId   the asset the request is for
 * @param vendor    the vendor's user name
 * @param previous  the state before, or {@code null} for a new request
 * @param current   the state after
 * @param at        when the change took effect (broker clock)
 * @param actor     who caused it: a user name, or {@code system} for time-driven changes
 * @param broker    id of the broker instance that made the change
 */
public record AccessChange(long requestId, long assetId, String vendor, AccessState previous, AccessState current,
        Instant at, String actor, String broker) {}
