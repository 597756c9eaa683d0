package io.otbroker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;

/** An audit event as the API shows it, with its chain fields so that exports can be verified offline. */
public record AuditEventView(long seq, Instant occurredAt, String code, String eventName, String actor,
        String subject, JsonNode details, String prevHash, String hash) {

    static AuditEventView of(AuditEvent event, ObjectMapper mapper) {
        return new AuditEventView(event.seq, event.occurredAt, event.code, event.eventName, event.actor,
                event.subject, details(event.details, mapper), event.prevHash, event.hash);
    }

    private static JsonNode details(String json, ObjectMapper mapper) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Only a tampered row holds non-JSON details; show it as it is rather than hide it.
            return TextNode.valueOf(json);
        }
    }
}
