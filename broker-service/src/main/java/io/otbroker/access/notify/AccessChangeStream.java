package io.otbroker.access.notify;

import io.otbroker.access.AccessChange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Fans the committed {@link AccessChange}s this broker hears out to the open operator streams. */
@ApplicationScoped
public class AccessChangeStream {

    /** Changes a slow stream may fall behind by before it is closed (its client then reconnects). */
    private static final int BACKLOG_PER_STREAM = 256;

    private final BroadcastProcessor<AccessChange> streams = BroadcastProcessor.create();
    // Changes arrive on the listener thread and, on H2, on committing threads: serialise them.
    private final SerializedProcessor<AccessChange, AccessChange> changes = streams.serialized();

    void onChange(@Observes AccessChange change) {
        changes.onNext(change);
    }

    /** The changes committed from the moment of subscription on. */
    public Multi<AccessChange> fromNowOn() {
        return streams.onOverflow().buffer(BACKLOG_PER_STREAM);
    }
}
