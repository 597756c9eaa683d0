package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operators and auditors list live SSH sessions; operators end them; nobody else does either. */
@QuarkusTest
class LiveSessionApiTest extends FrontDoorTest {

    private static final String SESSIONS = "/api/sessions";

    @Test
    void anOperatorSeesAndEndsALiveSessionTheVendorIsToldWhy() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        long grant = activeGrant(asset);
        Process ssh = VendorSsh.start(bastion.port(), registeredKey("alice", dir), "alice:" + asset, List.of(),
                "sleep 60");
        LiveSession live = Poll.until(() -> liveSessions.list().stream().filter(s -> s.grantId() == grant).findFirst(),
                "the live session");
        String path = SESSIONS + "/" + live.id() + "/terminate";

        as("audrey").get(SESSIONS).then().statusCode(200).body("id", hasItem(live.id().toString()));
        as("oscar").get(SESSIONS).then().statusCode(200).body("vendor", hasItem("alice"));
        for (String refused : List.of("alice", "audrey", "adam")) {
            as(refused).body(Map.of("reason", "no")).post(path).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "no")).post(path).then().statusCode(401);
        as("oscar").body(Map.of("reason", "Line restart")).post(SESSIONS + "/" + UUID.randomUUID() + "/terminate")
                .then().statusCode(404);

        as("oscar").body(Map.of("reason", "Line restart")).post(path).then().statusCode(200)
                .body("grantId", equalTo((int) grant));
        VendorSsh.Result ended = VendorSsh.finish(ssh, 5);
        assertEquals(255, ended.exitStatus());
        assertTrue(ended.stderr().contains("An operator ended the session: Line restart"), ended.stderr());
        assertEquals(1, SshFixtures.events("session.terminate", "session/" + live.id()).size());
    }

    @Test
    void vendorsAndAdminsCannotListSessions() {
        as("alice").get(SESSIONS).then().statusCode(403);
        as("adam").get(SESSIONS).then().statusCode(403);
        given().get(SESSIONS).then().statusCode(401);
    }
}
