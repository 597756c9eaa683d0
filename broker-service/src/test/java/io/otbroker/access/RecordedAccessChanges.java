package io.otbroker.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects every {@link AccessChange} the broker publishes, as the session layer will observe them. */
@ApplicationScoped
public class RecordedAccessChanges {

    private final List<AccessChange> changes = new CopyOnWriteArrayList<>();

    void record(@Observes AccessChange change) {
        changes.add(change);
    }

    /** The changes of one request, in publication order. */
    List<AccessChange> of(long requestId) {
        return changes.stream().filter(change -> change.requestId() == requestId).toList();
    }

    /** Waits (up to ten seconds) for the change of {@code requestId} into {@code state}. */
    AccessChange await(long requestId, AccessState state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (AccessChange change : of(requestId)) {
                if (change.current() == state && change.previous() != state) {
                    return change;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No change of access request " + requestId + " into " + state + " in " + of(requestId));
    }
}
