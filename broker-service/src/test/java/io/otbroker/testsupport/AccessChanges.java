package io.otbroker.testsupport;

import io.otbroker.access.AccessChange;
import io.otbroker.access.AccessSignals;
import io.otbroker.access.AccessState;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Access changes for the tests of signals, the live queue and the webhook, each with a request id no other
 * test uses, published as the access service does: inside a transaction.
 */
public final class AccessChanges {

    private static final AtomicLong REQUEST_IDS = new AtomicLong(9_000_000_000L);

    private AccessChanges() {}

    /** A new request of {@code alice}, made on {@code broker}. */
    public static AccessChange created(String broker) {
        return created("alice", broker);
    }

    /** A new request of {@code vendor}, made on {@code broker}. */
    public static AccessChange created(String vendor, String broker) {
        return new AccessChange(REQUEST_IDS.incrementAndGet(), 7, vendor, null, AccessState.PENDING, now(), vendor,
                broker);
    }

    /** An approval by {@code oscar}, made on {@code broker}. */
    public static AccessChange approved(String broker) {
        return new AccessChange(REQUEST_IDS.incrementAndGet(), 7, "alice", AccessState.PENDING, AccessState.APPROVED,
                now(), "oscar", broker);
    }

    /** Publishes {@code change} in a transaction of its own and commits it. */
    public static void publishCommitted(AccessChange change) {
        QuarkusTransaction.requiringNew().run(() -> signals().publish(change));
    }

    private static AccessSignals signals() {
        return Arc.container().instance(AccessSignals.class).get();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
