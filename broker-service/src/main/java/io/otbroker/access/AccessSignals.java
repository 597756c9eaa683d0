package io.otbroker.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Publishes {@link AccessChange}s. Call {@link #publish} inside the transaction that makes the
 * change; observers receive it only once that transaction has committed.
 */
@ApplicationScoped
public class AccessSignals {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<AccessChange> changes;

    /** Queues {@code change} for delivery after the current transaction commits (dropped on rollback). */
    public void publish(AccessChange change) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changes.fire(change);
                }
            }
        });
    }
}
