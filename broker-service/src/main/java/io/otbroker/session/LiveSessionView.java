package io.otbroker.session;

import java.time.Instant;
import java.util.UUID;

/** A live session as operators and auditors see it; its id is also its recording's id. */
public record LiveSessionView(UUID id, long grantId, String vendor, String asset, String protocol, Instant started,
        Instant grantEnd) {

    static LiveSessionView of(LiveSession session) {
        return new LiveSessionView(session.id(), session.grantId(), session.vendor(), session.asset(),
                session.protocol(), session.started(), session.grantEnd());
    }
}
