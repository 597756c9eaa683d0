package io.otbroker.testsupport;

import io.otbroker.access.AccessChange;
import io.otbroker.access.signal.ClusterSignalsResynced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the signals as the session layer will, and remembers each with the thread that delivered it. */
@ApplicationScoped
public class HeardSignals {

    /** Longest wait for a signal; far above the second it should take. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    /** A change as heard. */
    public record Heard(AccessChange change, String thread) {}

    private final List<Heard> changes = new CopyOnWriteArrayList<>();
    private final List<ClusterSignalsResynced> resyncs = new CopyOnWriteArrayList<>();

    void onChange(@Observes AccessChange change) {
        changes.add(new Heard(change, Thread.currentThread().getName()));
    }

    void onResync(@Observes ClusterSignalsResynced resync) {
        resyncs.add(resync);
    }

    /** Everything heard so far of the request. */
    public List<Heard> of(long requestId) {
        return changes.stream().filter(heard -> heard.change().requestId() == requestId).toList();
    }

    /** The first change heard of the request, waiting for it up to {@link #PATIENCE}. */
    public Heard await(long requestId) {
        return Poll.until(() -> of(requestId).stream().findFirst(), "a signal of request " + requestId);
    }

    /** How many resyncs were announced so far. */
    public int resyncCount() {
        return resyncs.size();
    }
}
