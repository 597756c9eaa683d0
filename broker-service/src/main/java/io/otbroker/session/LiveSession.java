package io.otbroker.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A session the broker relays now.
 *
 * @param id        the session id, also its recording's id
 * @param grantId   the grant it runs under
 * @param vendor    the vendor
 * @param asset     the asset's name
 * @param protocol  e.g. {@code SSH}
 * @param started   when it opened
 * @param grantEnd  when its grant ends
 * @param cutter    ends it, telling the vendor why
 * @param traffic   bytes carried so far, counted by the relay
 * @param watchers  who watches it, fed by the relay (and its supervision)
 */
public record LiveSession(UUID id, long grantId, String vendor, String asset, String protocol, Instant started,
        Instant grantEnd, Cutter cutter, SessionTraffic traffic, Watchers watchers) {

    /** Ends a live session from outside: closes both legs and finalises its recording. */
    @FunctionalInterface
    public interface Cutter {
        /** Ends the session with {@code message} to the vendor; safe to call more than once and from any thread. */
        void cut(String message);
    }
}
