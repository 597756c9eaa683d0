package io.otbroker.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live session as operators and auditors see it; its id is also its recording's id.
 *
 * @param bytesToAsset   what the vendor sent to the asset so far
 * @param bytesFromAsset what the asset sent back so far
 * @param watchers       user names of those watching it now
 * @param supervision    NOT_REQUIRED, WAITING (for an operator to watch; SL4) or SUPERVISED
 */
public record LiveSessionView(UUID id, long grantId, String vendor, String asset, String protocol, Instant started,
        Instant grantEnd, long bytesToAsset, long bytesFromAsset, List<String> watchers,
        SupervisionGate.State supervision) {

    static LiveSessionView of(LiveSession session) {
        return new LiveSessionView(session.id(), session.grantId(), session.vendor(), session.asset(),
                session.protocol(), session.started(), session.grantEnd(), session.traffic().toAsset(),
                session.traffic().fromAsset(), session.watchers().names(), session.watchers().gate().state());
    }
}
