package io.otbroker.connectcode;

import static io.otbroker.connectcode.ConnectCodeRequests.ask;
import static io.otbroker.connectcode.ConnectCodeRequests.json;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.access.AccessFixtures;
import io.otbroker.audit.AuditEvent;
import io.otbroker.testsupport.Browser;
import io.otbroker.testsupport.TestClock;
import io.otbroker.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/access-requests/{id}/connect-code: who gets a code, when, and what a code can do once. Vendors
 * ask from a real browser login (its ID token says when the login happened: {@code auth_time}).
 */
@QuarkusTest
class ConnectCodeResourceTest {

    @Inject
    TestClock clock;

    @Inject
    ConnectCodes codes;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theOwnerOfAnActiveSl3GrantGetsACodeRightAfterLoggingIn() throws Exception {
        long grant = activeGrant("SL3");
        Instant before = Instant.now();

        HttpResponse<String> answer = ask(Browser.loggedIn("alice"), grant);

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode body = json(answer);
        assertEquals(grant, body.path("accessRequestId").asLong());
        String code = body.path("code").asText();
        assertTrue(code.matches("[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}"), code);
        Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
        assertFalse(expiresAt.isBefore(before.plus(Duration.ofMinutes(2)).minusSeconds(1)), expiresAt.toString());
        assertTrue(expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(2)).plusSeconds(1)), expiresAt.toString());
        AuditEvent issued = lastEvent("connect_code.issue", grant);
        assertEquals("alice", issued.actor);
        assertFalse(issued.details.contains(code) || issued.details.contains(code.replace("-", "")),
                "the audit log never holds the code");
    }

    @Test
    void onlyTheGrantsVendorGetsACodeOthersSeeNothing() throws Exception {
        long grant = activeGrant("SL4");
        assertEquals(404, ask(Browser.loggedIn("victor"), grant).statusCode());
        assertEquals(404, ask(Browser.loggedIn("mallory"), grant).statusCode());
        assertEquals(404, ask(Browser.loggedIn("alice"), Long.MAX_VALUE).statusCode());
        assertTrue(lastEvent("connect_code.refused", grant).details.contains("404"));
    }

    @Test
    void staffGetForbiddenAndAnonymousUnauthorized() {
        long grant = activeGrant("SL3");
        for (String user : List.of("oscar", "audrey", "adam")) {
            as(user).post(path(grant)).then().statusCode(403);
        }
        given().post(path(grant)).then().statusCode(401);
    }

    @Test
    void aGrantThatIsNotActiveOrNeedsNoCodeIsAConflict() throws Exception {
        Browser alice = Browser.loggedIn("alice");
        long pending = AccessFixtures.request("alice", AccessFixtures.plant("SL3"));
        HttpResponse<String> notActive = ask(alice, pending);
        assertEquals(409, notActive.statusCode());
        assertEquals("application/problem+json", notActive.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> sl2 = ask(alice, activeGrant("SL2"));
        assertEquals(409, sl2.statusCode());
        assertEquals("Sessions into this zone need no connect code.", json(sl2).path("detail").asText());
        assertTrue(lastEvent("connect_code.refused", pending).details.contains("not active"));
    }

    @Test
    void aLoginOlderThanFiveMinutesMustBeRepeated() throws Exception {
        long grant = activeGrant("SL3");
        Browser alice = Browser.loggedIn("alice");
        // The session is real and still valid; it is the broker's clock that moved past the login's freshness.
        clock.advance(Duration.ofMinutes(5).plusSeconds(30));

        HttpResponse<String> stale = ask(alice, grant);

        assertEquals(403, stale.statusCode(), stale.body());
        assertEquals("application/problem+json", stale.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(FreshLogin.PROBLEM_TYPE, json(stale).path("type").asText());
        assertEquals("Fresh login required", json(stale).path("title").asText());
        assertTrue(lastEvent("connect_code.refused", grant).details.contains("Log in again"));
    }

    @Test
    void aTokenThatDoesNotSayWhenItsLoginHappenedGetsNoCode() throws Exception {
        long grant = activeGrant("SL3");
        // Keycloak's password grant (test client only) sets no auth_time: such a token could be hours old.
        byte[] payload = Base64.getUrlDecoder().decode(Tokens.of("alice").split("\\.")[1]);
        JsonNode claims = new ObjectMapper().readTree(payload);
        assertFalse(claims.has("auth_time"), claims.toString());

        as("alice").post(path(grant)).then().statusCode(403).body("type", equalTo(FreshLogin.PROBLEM_TYPE));
    }

    @Test
    void twoLoginsRacingForOneCodeGetItOnceBetweenThem() {
        long grant = activeGrant("SL3");
        String code = ConnectCodeRequests.code("alice", grant);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Redemption>> racers = List.of(race(start, grant, code), race(start, grant, code),
                race(start, grant, code));
        start.countDown();

        List<Redemption> outcomes = racers.stream().map(CompletableFuture::join).toList();
        assertEquals(1, outcomes.stream().filter(outcome -> outcome == Redemption.ACCEPTED).count(),
                outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o == Redemption.ACCEPTED || o == Redemption.USED),
                outcomes.toString());
    }

    @Test
    void aCodeIsBoundToItsGrantAndVendor() {
        long grant = activeGrant("SL3");
        long otherGrant = activeGrant("SL3");
        String code = ConnectCodeRequests.code("alice", grant);

        assertEquals(Redemption.WRONG, codes.redeem(otherGrant, "alice", code));
        assertEquals(Redemption.WRONG, codes.redeem(grant, "mallory", code));
        assertEquals(Redemption.ACCEPTED, codes.redeem(grant, "alice", code));
    }

    private CompletableFuture<Redemption> race(CountDownLatch start, long grant, String code) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return codes.redeem(grant, "alice", code);
        });
    }

    /** One hour for alice on a new asset at {@code level}, approved by as many operators as the level needs. */
    private static long activeGrant(String level) {
        long id = AccessFixtures.request("alice", AccessFixtures.plant(level));
        boolean twoNeeded = level.equals("SL3") || level.equals("SL4");
        for (String operator : twoNeeded ? List.of("oscar", "olivia") : List.of("oscar")) {
            as(operator).post(AccessFixtures.path(id, "approve")).then().statusCode(200);
        }
        return id;
    }

    private static String path(long grant) {
        return AccessFixtures.path(grant, "connect-code");
    }

    private static AuditEvent lastEvent(String eventName, long grant) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "eventName = ?1 and subject = ?2 order by seq desc", eventName, "access-request/" + grant)
                .firstResult());
    }
}
