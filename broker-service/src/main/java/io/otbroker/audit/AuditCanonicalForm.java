package io.otbroker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deterministic serialisation of an audit event that the hash chain covers, and the chain
 * hash itself: {@code hash = hex(SHA-256(prev_hash || canonical(event)))}, where
 * {@code prev_hash} is the 64-character hex text of the previous hash.
 *
 * <p>The canonical form is a JSON object with sorted keys ({@code actor, code, details,
 * eventName, occurredAt, seq, subject}), details nested with their keys sorted at every level,
 * {@code occurredAt} as ISO-8601 UTC with exactly six fractional digits, numbers in plain
 * notation and every non-ASCII character escaped, so the bytes do not depend on key order,
 * platform charset or database encoding. Pure: no state, no I/O.
 */
public final class AuditCanonicalForm {

    /** The {@code prev_hash} of the first event. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    // Our own mapper, never the application's: a global Jackson customisation must not be able
    // to change the bytes we hash, or every existing chain would suddenly look tampered with.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private AuditCanonicalForm() {}

    /** The canonical JSON text of event details, as stored in {@code audit_event.details}. */
    public static String detailsJson(Map<String, ?> details) {
        return canonicalJson(write(details == null ? Map.of() : details));
    }

    /**
     * Re-serialises JSON text canonically: keys sorted, no insignificant whitespace.
     * Idempotent, so stored details verify to the same bytes however they were produced.
     *
     * @throws IllegalArgumentException if the text is not JSON
     */
    public static String canonicalJson(String json) {
        return write(parse(json));
    }

    /** The canonical form of an event, over which its hash is computed. */
    public static String canonical(AuditEvent event) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("seq", event.seq);
        fields.put("occurredAt", event.occurredAt == null ? null : timestamp(event.occurredAt));
        fields.put("code", event.code);
        fields.put("eventName", event.eventName);
        fields.put("actor", event.actor);
        fields.put("subject", event.subject);
        fields.put("details", parse(event.details));
        return write(fields);
    }

    /** The hash this event must carry given its {@code prevHash}. */
    public static String hash(AuditEvent event) {
        return chainHash(event.prevHash, canonical(event));
    }

    /** {@code hex(SHA-256(prevHash || canonical))}, both as UTF-8 text. */
    public static String chainHash(String prevHash, String canonical) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** ISO-8601 UTC with microsecond precision, the precision PostgreSQL and H2 both keep. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static Object parse(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be serialised as JSON", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
