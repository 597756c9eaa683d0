package io.otbroker.access;

import io.otbroker.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** Runs an action and audits an {@link AccessRefusal} it throws in a transaction of its own. */
@ApplicationScoped
public class AuditedRefusals {

    @Inject
    AuditLog audit;

    /**
     * Runs {@code action} (which runs its own transaction); a refusal is audited and rethrown. Call it
     * outside any transaction, so that the refusal's audit event is committed although the action's
     * transaction was rolled back.
     */
    public <T> T recording(Supplier<T> action) {
        try {
            return action.get();
        } catch (AccessRefusal refusal) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(refusal.type(), refusal.subject(),
                    refusal.details()));
            throw refusal;
        }
    }
}
