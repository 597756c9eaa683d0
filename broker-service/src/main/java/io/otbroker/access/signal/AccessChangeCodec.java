package io.otbroker.access.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.access.AccessChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The JSON form of an {@link AccessChange} on the wire between brokers. */
@ApplicationScoped
public class AccessChangeCodec {

    @Inject
    ObjectMapper json;

    /** The change as a JSON object of its record components. */
    public String encode(AccessChange change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An access change could not be written as JSON", e);
        }
    }

    /** The change in {@code payload}, or empty when the payload is not a complete change. */
    public Optional<AccessChange> decode(String payload) {
        try {
            AccessChange change = json.readValue(payload, AccessChange.class);
            return complete(change) ? Optional.of(change) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean complete(AccessChange change) {
        return change != null && change.current() != null && change.at() != null && change.vendor() != null
                && change.actor() != null && change.broker() != null;
    }
}
