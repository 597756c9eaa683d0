package io.otbroker.recording;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.otbroker.recorder.RecordingId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A remote desktop recording as its Guacamole stream: for auditors only, and only for Guacamole recordings. */
@QuarkusTest
class GuacRecordingTest {

    @Inject
    DesktopRecordings desktops;

    @Inject
    SessionRecordings recordings;

    @Test
    void auditorsGetTheWholeStreamOthersAreRefused() {
        UUID id = desktops.record("alice", "hmi-" + UUID.randomUUID(), "RDP");
        String guac = "/api/recordings/" + id + "/guac";
        as("audrey").get(guac).then().statusCode(200)
                .header("Content-Type", startsWith("application/octet-stream"))
                .body(startsWith("4.size,1.0,3.640,3.480;4.rect,"))
                .body(containsString("4.sync,13.1700000001500;"))
                .body(containsString("4.sync,13.1700000003000;"));
        for (String user : List.of("alice", "oscar")) {
            as(user).get(guac).then().statusCode(403);
        }
        given().get(guac).then().statusCode(401);
        as("audrey").get("/api/recordings/" + UUID.randomUUID() + "/guac").then().statusCode(404);
    }

    @Test
    void eachFormatHasItsOwnPlayerFeed() {
        UUID desktop = desktops.record("bob", "hmi-" + UUID.randomUUID(), "VNC");
        as("audrey").get("/api/recordings/" + desktop + "/cast").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No such terminal recording."));

        UUID terminal = UUID.randomUUID();
        recordings.startTerminal(new RecordingId(terminal), 0, "bob", "plc", 80, 24, Map.of(), (failed, why) -> { })
                .close();
        as("audrey").get("/api/recordings/" + terminal + "/guac").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No such Guacamole recording."));
        as("audrey").get("/api/recordings/" + terminal + "/cast").then().statusCode(200)
                .body(startsWith("{\"version\": 2"));
    }
}
