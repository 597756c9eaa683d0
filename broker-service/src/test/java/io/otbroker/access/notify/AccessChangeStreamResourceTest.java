package io.otbroker.access.notify;

import static io.otbroker.access.notify.AccessChangeStreamResource.EVENT_NAME;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.access.AccessChange;
import io.otbroker.access.BrokerInstance;
import io.otbroker.testsupport.AccessChanges;
import io.otbroker.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live access changes over a real HTTP connection, as an EventSource in the browser reads it. */
@QuarkusTest
class AccessChangeStreamResourceTest {

    private static final String STREAM = "/api/access-requests/stream";

    @TestHTTPResource(STREAM)
    URI stream;

    @Inject
    BrokerInstance broker;

    @Inject
    ObjectMapper json;

    @Test
    void operatorsSeeEachCommittedChangeAsAnEvent() throws Exception {
        try (EventStreamClient client = EventStreamClient.open(stream, Tokens.of("oscar"))) {
            assertEquals(200, client.response().statusCode());
            assertTrue(client.response().headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/event-stream"));
            client.await(EventStreamClient.Received::isComment, "the first heartbeat");

            AccessChange change = AccessChanges.created(broker.id());
            AccessChanges.publishCommitted(change);

            JsonNode data = json.readTree(client.await(event -> EVENT_NAME.equals(event.name())
                    && event.data().contains("\"requestId\":" + change.requestId()), "the change").data());
            assertEquals(change.requestId(), data.get("requestId").asLong());
            assertEquals(change.assetId(), data.get("assetId").asLong());
            assertEquals("alice", data.get("vendor").asText());
            assertTrue(data.get("previous").isNull());
            assertEquals("PENDING", data.get("current").asText());
            assertEquals(change.at().toString(), data.get("at").asText());
            assertEquals("alice", data.get("actor").asText());
            assertEquals(broker.id(), data.get("broker").asText());
            assertEquals(List.of("requestId", "assetId", "vendor", "previous", "current", "at", "actor", "broker"),
                    fieldNames(data), "nothing else goes out");
        }
    }

    @Test
    void auditorsMayWatchTheQueueToo() throws Exception {
        try (EventStreamClient client = EventStreamClient.open(stream, Tokens.of("audrey"))) {
            assertEquals(200, client.response().statusCode());
            AccessChange change = AccessChanges.approved(broker.id());
            client.await(EventStreamClient.Received::isComment, "the first heartbeat");
            AccessChanges.publishCommitted(change);
            client.await(event -> event.data().contains("\"requestId\":" + change.requestId()), "the change");
        }
    }

    @Test
    void heartbeatsKeepAQuietStreamOpen() throws Exception {
        try (EventStreamClient client = EventStreamClient.open(stream, Tokens.of("olivia"))) {
            for (int i = 0; i < 3; i++) {
                EventStreamClient.Received heartbeat = client.await(EventStreamClient.Received::isComment, "heartbeat");
                assertEquals("heartbeat", heartbeat.data());
                assertNull(heartbeat.name());
            }
        }
    }

    @Test
    void aVendorGetsTheChangesOfTheirOwnRequestsAndNeverAnotherVendorsOnes() throws Exception {
        getsOnlyOwnChanges("alice", "victor");
        // A vendor who is also an operator acts as a vendor: own changes only.
        getsOnlyOwnChanges("mallory", "alice");
    }

    /** Opens {@code vendor}'s stream, publishes a change of {@code other}'s then one of their own. */
    private void getsOnlyOwnChanges(String vendor, String other) throws Exception {
        try (EventStreamClient client = EventStreamClient.open(stream, Tokens.of(vendor))) {
            assertEquals(200, client.response().statusCode());
            client.await(EventStreamClient.Received::isComment, "the first heartbeat");
            AccessChange others = AccessChanges.created(other, broker.id());
            AccessChange own = AccessChanges.created(vendor, broker.id());
            // Published in this order: had the other's change been let through, it would arrive before the own one.
            AccessChanges.publishCommitted(others);
            AccessChanges.publishCommitted(own);
            List<JsonNode> seen = new ArrayList<>();
            while (seen.isEmpty() || seen.getLast().get("requestId").asLong() != own.requestId()) {
                seen.add(json.readTree(client.await(event -> EVENT_NAME.equals(event.name()), "the own change").data()));
            }
            for (JsonNode change : seen) {
                assertEquals(vendor, change.get("vendor").asText(), "only " + vendor + "'s own changes: " + seen);
            }
        }
    }

    @Test
    void adminsAreRefusedAndAnonymousCallersMustLogIn() {
        as("adam").get(STREAM).then().statusCode(403);
        given().get(STREAM).then().statusCode(401);
    }

    @Test
    void theStreamIsDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey(STREAM));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
