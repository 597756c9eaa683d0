package io.otbroker.access;

import io.otbroker.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Moves grants along with the clock: {@code APPROVED -> ACTIVE} at the grant's start,
 * {@code ACTIVE -> EXPIRED} at its end, {@code PENDING -> EXPIRED} when a request waited too long.
 * Each due request is handled in a transaction of its own that locks its row and re-checks it, so
 * several brokers ticking at once never apply a change twice. Reads do not depend on it: they derive
 * the state from the clock themselves.
 */
@ApplicationScoped
public class GrantScheduler {

    private static final Logger LOG = Logger.getLogger(GrantScheduler.class);
    private static final int BATCH = 200;

    @Inject
    AccessTransitions transitions;

    @Scheduled(identity = "grant-clock", every = "${otbroker.access.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        applyDueTransitions();
    }

    /**
     * Applies every time-driven transition due now; returns how many requests were looked at. One
     * sweep at a time in this broker: a call waits for a sweep in progress.
     */
    public synchronized int applyDueTransitions() {
        Instant now = transitions.now();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> dueIds(now));
        for (long id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> transitions.lockCurrent(id));
            } catch (ProblemException gone) {
                LOG.debugf("Access request %d disappeared before its time-driven change", id);
            } catch (RuntimeException e) {
                // One broken row must not stop the clock for all others; the next tick tries again.
                LOG.errorf(e, "Could not apply the time-driven change of access request %d", id);
            }
        }
        return due.size();
    }

    private static List<Long> dueIds(Instant now) {
        return AccessRequest.getEntityManager().createQuery("select r.id from AccessRequest r "
                        + "where (r.state = :pending and r.pendingUntil <= :now) "
                        + "or (r.state = :approved and r.grantStart <= :now) "
                        + "or (r.state = :active and r.grantEnd <= :now) order by r.id", Long.class)
                .setParameter("pending", AccessState.PENDING)
                .setParameter("approved", AccessState.APPROVED)
                .setParameter("active", AccessState.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
    }
}
