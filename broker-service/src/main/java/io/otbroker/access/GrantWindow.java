package io.otbroker.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a grant starts and ends. Its clock starts at the final approval or at the requested start,
 * whichever is later, and keeps the full requested duration, so a request that waited in the queue
 * loses no time; an operator may only shorten it.
 */
public record GrantWindow(Instant start, Instant end) {

    /**
     * The grant a request gets if finally approved at {@code approvedAt}.
     *
     * @param shortenedEnd the earliest end an approving operator set, if any
     * @return the window, or empty if a shortened end leaves no time at all
     */
    public static Optional<GrantWindow> afterApproval(Instant approvedAt, Instant requestedStart, Instant requestedEnd,
            Optional<Instant> shortenedEnd) {
        Instant start = approvedAt.isAfter(requestedStart) ? approvedAt : requestedStart;
        Instant fullEnd = start.plus(Duration.between(requestedStart, requestedEnd));
        Instant end = shortenedEnd.filter(fullEnd::isAfter).orElse(fullEnd);
        return end.isAfter(start) ? Optional.of(new GrantWindow(start, end)) : Optional.empty();
    }
}
