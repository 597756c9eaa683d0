package io.otbroker.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Walks the whole audit chain in seq order, page by page, recomputes every hash and reports the
 * first broken link. Memory use is one page, whatever the length of the chain.
 */
@ApplicationScoped
public class AuditChainVerifier {

    static final int PAGE_SIZE = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Verifies the chain as committed when the walk starts; events appended meanwhile are left
     * for the next verification. Runs in its own transaction so that clearing the persistence
     * context after each page can never detach a caller's entities.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditVerification verify() {
        long maxSeq = AuditEvent.maxSeq();
        AuditChainHead head = AuditChainHead.current();
        long headSeq = head == null ? 0 : head.lastSeq;
        String headHash = head == null ? AuditCanonicalForm.GENESIS_HASH : head.lastHash;

        AuditChainWalk walk = new AuditChainWalk();
        long afterSeq = Long.MIN_VALUE;
        List<AuditEvent> page;
        do {
            page = page(afterSeq, headSeq);
            for (AuditEvent event : page) {
                if (!walk.accept(event)) {
                    return walk.result(clock.instant());
                }
                afterSeq = event.seq;
            }
            entityManager.clear();
        } while (page.size() == PAGE_SIZE);
        walk.finish(headSeq, headHash, maxSeq);
        return walk.result(clock.instant());
    }

    private List<AuditEvent> page(long afterSeq, long lastSeq) {
        return entityManager
                .createQuery("from AuditEvent e where e.seq > :after and e.seq <= :last order by e.seq", AuditEvent.class)
                .setParameter("after", afterSeq)
                .setParameter("last", lastSeq)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
    }
}
