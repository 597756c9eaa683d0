package io.otbroker.access.notify;

import static io.otbroker.testsupport.AccessChecks.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.access.AccessChange;
import io.otbroker.access.BrokerInstance;
import io.otbroker.access.notify.WebhookReceiver.Delivery;
import io.otbroker.testsupport.AccessChanges;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The pager webhook against a real HTTP receiver on loopback, checked as a receiver would check it. */
@QuarkusTest
@WithTestResource(WebhookReceiver.class)
class WebhookTest {

    @Inject
    BrokerInstance broker;

    @Inject
    ObjectMapper json;

    @Test
    void aNewRequestIsPostedWithABodyTheReceiverCanVerify() throws Exception {
        WebhookReceiver.reset();
        AccessChange change = AccessChanges.created(broker.id());
        AccessChanges.publishCommitted(change);

        Delivery delivery = WebhookReceiver.next(15);
        assertNotNull(delivery, "a delivery");
        assertVerifies(delivery);
        assertEquals("application/json", delivery.header("Content-Type"));
        JsonNode body = json.readTree(delivery.body());
        assertEquals("access-request.created", body.get("event").asText());
        assertEquals(change.requestId(), body.get("requestId").asLong());
        assertEquals(change.assetId(), body.get("assetId").asLong());
        assertEquals("alice", body.get("vendor").asText());
        assertEquals("PENDING", body.get("state").asText());
        assertEquals(change.at(), Instant.parse(body.get("at").asText()));
        assertEquals("/api/access-requests/" + change.requestId(), body.get("link").asText());
        assertEquals(7, body.size(), "nothing else goes out");
        assertFalse(new String(delivery.body(), StandardCharsets.UTF_8).contains(WebhookReceiver.SECRET));
    }

    @Test
    void aFailedDeliveryIsRetriedAndSignedAfreshUntilItSucceeds() throws Exception {
        WebhookReceiver.reset(500);
        AccessChange change = AccessChanges.created(broker.id());
        AccessChanges.publishCommitted(change);

        Delivery refused = WebhookReceiver.next(15);
        Delivery accepted = WebhookReceiver.next(15);
        assertNotNull(refused, "the first attempt");
        assertNotNull(accepted, "the retry");
        assertVerifies(refused);
        assertVerifies(accepted);
        assertArrayEquals(refused.body(), accepted.body());
        assertNull(WebhookReceiver.next(1), "delivered once it succeeded");
        as("audrey").queryParam("subject", "access-request/" + change.requestId()).get("/api/audit").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void onlyNewRequestsMadeOnThisBrokerArePosted() throws Exception {
        WebhookReceiver.reset();
        AccessChanges.publishCommitted(AccessChanges.approved(broker.id()));
        AccessChanges.publishCommitted(AccessChanges.created("another-broker"));
        AccessChange marker = AccessChanges.created(broker.id());
        AccessChanges.publishCommitted(marker);

        Delivery first = WebhookReceiver.next(15);
        assertNotNull(first, "the marker's delivery");
        assertEquals(marker.requestId(), json.readTree(first.body()).get("requestId").asLong());
        assertNull(WebhookReceiver.next(1), "nothing else was posted");
    }

    @Test
    void aDeliveryThatKeepsFailingIsAuditedWithoutItsSecrets() throws Exception {
        WebhookReceiver.reset(503, 503, 503);
        AccessChange change = AccessChanges.created(broker.id());
        AccessChanges.publishCommitted(change);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertNotNull(WebhookReceiver.next(15), "attempt " + attempt);
        }
        String subject = "access-request/" + change.requestId();
        Poll.until(() -> Optional.of(auditedFailures(subject)).filter(count -> count > 0), "the audit event");
        as("audrey").queryParam("subject", subject).get("/api/audit").then()
                .statusCode(200)
                .body("items.eventName", contains("webhook.failed"))
                .body("items.code", contains("OTB2100W"))
                .body("items.actor", contains("system"))
                .body("items[0].details.attempts", equalTo(3))
                .body("items[0].details.reason", equalTo("HTTP 503"))
                .body(not(containsString(WebhookReceiver.SECRET)))
                .body(not(containsString("t0ps3cret")));
        assertNull(WebhookReceiver.next(1), "no attempt after the last");
    }

    private static int auditedFailures(String subject) {
        return as("audrey").queryParam("subject", subject).get("/api/audit").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    /** Checks the signature as the receiver must: HMAC-SHA256 of "timestamp.body", timestamp recent. */
    private static void assertVerifies(Delivery delivery) throws Exception {
        String timestamp = delivery.header("X-Otbroker-Timestamp");
        assertNotNull(timestamp, "timestamp header");
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        assertTrue(Math.abs(age) < Duration.ofMinutes(5).toSeconds(), "timestamp is recent: " + timestamp);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WebhookReceiver.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body()));
        String signature = delivery.header("X-Otbroker-Signature");
        assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(signature).getBytes(StandardCharsets.US_ASCII)), "signature " + signature);
    }
}
