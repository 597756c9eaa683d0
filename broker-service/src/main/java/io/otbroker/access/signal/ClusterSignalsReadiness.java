package io.otbroker.access.signal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this broker hears the access signals of the cluster. Why: a broker that would not
 * hear a revocation must not be sent new vendors; it becomes ready again once it listens and has
 * announced {@link ClusterSignalsResynced}.
 */
@Readiness
@ApplicationScoped
public class ClusterSignalsReadiness implements HealthCheck {

    @Inject
    PgNotifyTransport transport;

    @Inject
    ClusterSignalListener listener;

    @Override
    public HealthCheckResponse call() {
        boolean clustered = transport.enabled();
        return HealthCheckResponse.named("access-signals")
                .status(!clustered || listener.listening())
                .withData("transport", clustered ? "postgresql-notify" : "local")
                .build();
    }
}
