package io.otbroker.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This broker process among the brokers of a cluster. The id comes from {@code otbroker.broker-id}
 * (environment {@code OTBROKER_BROKER_ID}, e.g. the pod name) or is a random UUID per process.
 */
@ApplicationScoped
public class BrokerInstance {

    private final String id = ConfigProvider.getConfig().getOptionalValue("otbroker.broker-id", String.class)
            .filter(configured -> !configured.isBlank())
            .orElseGet(() -> UUID.randomUUID().toString());

    /** The id stamped on the {@link AccessChange}s this broker makes. */
    public String id() {
        return id;
    }
}
