package io.otbroker.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Identifies this broker process in a cluster ({@code otbroker.broker-id}, default a random UUID per
 * process), so that a broker can tell the changes it made from those it hears about from others.
 */
@ApplicationScoped
public class BrokerInstance {

    private final String id;

    BrokerInstance(@ConfigProperty(name = "otbroker.broker-id") Optional<String> configured) {
        this.id = configured.filter(value -> !value.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
    }

    /** This broker's id. */
    public String id() {
        return id;
    }
}
