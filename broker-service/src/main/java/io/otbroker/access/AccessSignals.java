package io.otbroker.access;

import io.otbroker.access.signal.ClusterSignalListener;
import io.otbroker.access.signal.PgNotifyTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Publishes {@link AccessChange}s. Call {@link #publish} inside the transaction that makes the
 * change; observers receive it only once that transaction has committed, and never if it rolls back.
 *
 * <p>On PostgreSQL every broker of the cluster receives every change, its own included, through one
 * path: {@code NOTIFY} in the change's transaction ({@link PgNotifyTransport}), then
 * {@code LISTEN} on each broker ({@link ClusterSignalListener}), which fires the local CDI event. On H2,
 * a single embedded broker, the event is fired locally after the commit.
 */
@ApplicationScoped
public class AccessSignals {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<AccessChange> changes;

    @Inject
    PgNotifyTransport cluster;

    /**
     * Queues {@code change} for delivery after the current transaction commits (dropped on rollback).
     *
     * @throws IllegalStateException outside an active transaction: a signal sent there could announce a
     *                               change that is never committed
     */
    public void publish(AccessChange change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("AccessSignals.publish must run inside the transaction of the change");
        }
        if (cluster.enabled()) {
            cluster.send(change);
        } else {
            fireAfterCommit(change);
        }
    }

    private void fireAfterCommit(AccessChange change) {
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
