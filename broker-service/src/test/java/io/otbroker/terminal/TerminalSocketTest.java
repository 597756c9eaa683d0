package io.otbroker.terminal;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.AccessFixtures;
import io.otbroker.audit.AuditEvent;
import io.otbroker.connectcode.FreshLogin;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.recording.SessionRecordings;
import io.otbroker.session.LiveSession;
import io.otbroker.session.LiveSessions;
import io.otbroker.ssh.RecordedSessions;
import io.otbroker.ssh.SshFixtures;
import io.otbroker.testsupport.Browser;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vendor's browser terminal: a shell through the broker's own SSH door, recorded, cut, and refused to others. */
@QuarkusTest
class TerminalSocketTest {

    static ShellAsset shell;

    @Inject
    LiveSessions liveSessions;

    @Inject
    SessionRecordings recordings;

    @BeforeAll
    static void startAsset() throws Exception {
        shell = ShellAsset.start();
    }

    @AfterAll
    static void stopAsset() throws Exception {
        shell.close();
    }

    @Test
    void aVendorRunsAShellInTheBrowserTerminalLiveAndRecorded() throws Exception {
        long grant = activeGrant(asset("SL2", shell, shell.hostKeyLine()));
        LiveSession live;
        try (TerminalSocketClient alice = TerminalSocketClient.open("alice", grant)) {
            alice.next("connected");
            alice.send("{\"type\":\"resize\",\"cols\":120,\"rows\":40}");
            alice.type("echo term-$((6*7))\n");
            assertTrue(alice.outputWith("term-42").contains("Authorised vendor access only."), "the banner first");
            live = liveSessionOf(grant);
            assertEquals("alice", live.vendor());
            AuditEvent login = SshFixtures.events("ssh.login", "access-request/" + grant).getFirst();
            assertTrue(login.details.contains("\"via\":\"browser terminal\""), login.details);
            // The browser's address (an IP), not the front door's loopback peer (which MINA writes /IP:port).
            assertTrue(!login.details.contains("\"source\":\"/"), login.details);
        }
        AuditEvent end = Poll.until(() -> SshFixtures.events("session.end", "session/" + live.id()).stream()
                .findFirst(), "the session's end");
        RecordingId id = RecordedSessions.recordingOf(end);
        RecordingSource source = recordings.sealed(id);
        assertEquals(Verdict.Outcome.VERIFIED, RecordingVerifier.verify(source, id, recordings.publicKey()).outcome());
        assertTrue(RecordedSessions.text(source, AsciicastEvent.Type.INPUT).contains("echo term-$((6*7))"));
        assertTrue(RecordedSessions.text(source, AsciicastEvent.Type.OUTPUT).contains("term-42"));
    }

    private LiveSession liveSessionOf(long grant) {
        return Poll.until(() -> liveSessions.list().stream().filter(s -> s.grantId() == grant).findFirst(),
                "the live session");
    }

    @Test
    void theShellsEndClosesTheTerminalWithItsReason() throws Exception {
        long grant = activeGrant(asset("SL2", shell, shell.hostKeyLine()));
        try (TerminalSocketClient alice = TerminalSocketClient.open("alice", grant)) {
            alice.next("connected");
            alice.type("exit 3\n");
            assertEquals("the shell exited with status 3", alice.next("closed").getString("reason"));
            assertEquals(1000, alice.closeCode());
        }
    }

    @Test
    void revokingTheGrantCutsTheTerminalWithinTwoSeconds() throws Exception {
        long grant = activeGrant(asset("SL2", shell, shell.hostKeyLine()));
        try (TerminalSocketClient alice = TerminalSocketClient.open("alice", grant)) {
            alice.next("connected");
            liveSessionOf(grant);
            long revokedAt = System.nanoTime();
            as("oscar").body(Map.of("reason", "Line restarts now")).post("/api/access-requests/" + grant + "/revoke")
                    .then().statusCode(200);
            JsonPath closed = alice.next("closed");
            long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;
            assertTrue(tookMillis < 2000, "cut after " + tookMillis + " ms");
            assertTrue(closed.getString("reason").contains("revoked"), closed.prettify());
        }
    }

    @Test
    void anSl3TerminalAnswersTheConnectCodeForAFreshLoginOnly() throws Exception {
        long grant = activeGrant(asset("SL3", shell, shell.hostKeyLine()), "oscar", "olivia");
        // The password grant's token carries no auth_time: no fresh login, no code, no session.
        try (TerminalSocketClient stale = TerminalSocketClient.open("alice", grant)) {
            JsonPath closed = stale.next("closed");
            assertEquals(FreshLogin.PROBLEM_TYPE, closed.getString("problem"), closed.prettify());
        }
        assertTrue(SshFixtures.lastEvent("connect_code.refused", "alice").orElseThrow().subject
                .equals("access-request/" + grant));

        Browser browser = Browser.loggedIn("alice");
        URI broker = URI.create(KeycloakResource.brokerUrl());
        Map<String, String> session = Map.of("Cookie", browser.cookieHeader(broker), "Origin", broker.toString());
        try (TerminalSocketClient alice = TerminalSocketClient.withHeaders(session, grant)) {
            alice.next("connected");
            alice.type("echo code-$((2*21))\n");
            alice.outputWith("code-42");
        }
        assertEquals(1, SshFixtures.events("connect_code.issue", "access-request/" + grant).size());
        assertTrue(SshFixtures.events("connect_code.use", "access-request/" + grant).getFirst().details
                .contains("browser terminal"));
    }

    @Test
    void othersAreRefusedAndTheRefusalsAudited() {
        long grant = activeGrant(asset("SL2", shell, shell.hostKeyLine()));
        String id = Long.toString(grant);
        assertEquals(404, TerminalSocketClient.refusal(TerminalSocketClient.bearer("victor"), id), "another vendor's");
        assertTrue(SshFixtures.lastEvent("terminal.refused", "victor").orElseThrow().details.contains("no such"));
        assertEquals(403, TerminalSocketClient.refusal(TerminalSocketClient.bearer("oscar"), id), "an operator");
        assertEquals(401, TerminalSocketClient.refusal(Map.of(), id), "no session");
        assertEquals(404, TerminalSocketClient.refusal(TerminalSocketClient.bearer("alice"), "not-a-number"));

        Map<String, String> foreign = TerminalSocketClient.bearer("alice");
        foreign.put("Origin", "https://evil.example");
        assertEquals(403, TerminalSocketClient.refusal(foreign, id), "from another site");
        assertTrue(SshFixtures.lastEvent("terminal.refused", "alice").orElseThrow().details.contains("cross-site"));

        long pending = AccessFixtures.request("alice", AccessFixtures.plant("SL2"));
        assertEquals(409, TerminalSocketClient.refusal(TerminalSocketClient.bearer("alice"), Long.toString(pending)),
                "no active grant");
    }

    @Test
    void aMessageOutsideTheProtocolClosesTheTerminal() throws Exception {
        long grant = activeGrant(asset("SL2", shell, shell.hostKeyLine()));
        try (TerminalSocketClient alice = TerminalSocketClient.open("alice", grant)) {
            alice.next("connected");
            alice.send("{\"type\":\"resize\",\"cols\":100000,\"rows\":1}");
            assertEquals(1008, alice.closeCode());
        }
        try (TerminalSocketClient alice = TerminalSocketClient.open("alice", grant)) {
            alice.next("connected");
            alice.type("x".repeat(TerminalSocket.MAX_INPUT + 100));
            assertEquals(1009, alice.closeCode());
        }
    }
}
