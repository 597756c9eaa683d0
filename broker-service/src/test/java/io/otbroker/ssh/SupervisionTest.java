package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.GrantScheduler;
import io.otbroker.audit.AuditEvent;
import io.otbroker.connectcode.ConnectCodeRequests;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SL4: a session waits until an operator watches; input is held while none does; nobody in time ends it.
 * The vendor logs in as at any SL4 asset: key, then a one-time connect code.
 */
@QuarkusTest
class SupervisionTest extends FrontDoorTest {

    @Inject
    TestClock clock;

    @Inject
    GrantScheduler scheduler;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        scheduler.applyDueTransitions();
    }

    @Test
    void theSessionWaitsForAnOperatorAndHoldsInputWhileNoneWatches() throws Exception {
        String asset = asset("SL4", target, target.hostKeyLine());
        long grant = activeGrant(asset, "oscar", "olivia");
        Process shell = shellWithCode(asset, grant);
        VendorOutput told = VendorOutput.stderrOf(shell);
        OutputStream typing = shell.getOutputStream();
        LiveSession live = liveSessionOf(grant);
        told.awaitText("waiting for one");
        typing.write("echo typed while waiting\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        assertEquals("WAITING", supervisionOf(live));
        assertEquals(1, SshFixtures.events("session.supervision_wait", "session/" + live.id()).size());

        try (WatchClient audrey = WatchClient.watch("audrey", live.id())) {
            audrey.next();
            assertEquals("WAITING", supervisionOf(live), "an auditor watching does not supervise");
            try (WatchClient oscar = WatchClient.watch("oscar", live.id())) {
                oscar.next();
                oscar.until(line -> line.contains("Connected to"), "the session starting");
                oscar.until(line -> line.contains("\"typed while waiting"), "the held input's output");
                assertEquals("SUPERVISED", supervisionOf(live));
                assertEquals("oscar", SshFixtures.events("session.supervised", "session/" + live.id()).getFirst().actor);
            }
            told.awaitText("held until one watches again");
            AuditEvent lost = Poll.until(() -> SshFixtures.events("session.unsupervised", "session/" + live.id())
                    .stream().findFirst(), "the lost supervision in the audit log");
            assertEquals("oscar", lost.actor);

            typing.write("echo typed while nobody watched\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            try (WatchClient olivia = WatchClient.watch("olivia", live.id())) {
                olivia.next();
                String input = olivia.until(line -> line.contains("typed while nobody"), "the held input");
                assertEquals(AsciicastEvent.Type.INPUT, AsciicastEvent.parse(input).type(),
                        "it reaches the asset only now that an operator watches again");
                olivia.until(line -> line.contains("\"typed while nobody watched"), "its output");
                typing.write("exit 0\n".getBytes(StandardCharsets.UTF_8));
                typing.flush();
                assertEquals(0, VendorSsh.finish(shell, 30).exitStatus());
            }
        }
        told.awaitText("watching again");
    }

    @Test
    void withoutAnOperatorInTimeTheSessionEndsBeforeReachingTheAsset() throws Exception {
        Waiting waiting = waitingShell();
        Process ssh = waiting.ssh();
        LiveSession live = waiting.live();
        VendorOutput told = VendorOutput.stderrOf(ssh);
        told.awaitText("waiting for one");

        clock.advance(Duration.ofMinutes(11));
        assertTrue(ssh.waitFor(30, TimeUnit.SECONDS));

        assertEquals(255, ssh.exitValue());
        assertTrue(told.awaitEnd().text().contains("No operator watched within 10 minutes"), told.text());
        assertTrue(SshFixtures.events("session.start", "session/" + live.id()).isEmpty(), "it never reached the asset");
        assertTrue(SshFixtures.events("session.refused", "access-request/" + live.grantId()).getFirst().details
                .contains("No operator watched"));
    }

    @Test
    void anOperatorEndsAWaitingSession() throws Exception {
        Waiting waiting = waitingShell();
        Process ssh = waiting.ssh();
        LiveSession live = waiting.live();

        as("olivia").body(Map.of("reason", "Not today")).post("/api/sessions/" + live.id() + "/terminate")
                .then().statusCode(200);

        VendorSsh.Result ended = VendorSsh.finish(ssh, 30);
        assertEquals(255, ended.exitStatus());
        assertTrue(ended.stderr().contains("An operator ended the session: Not today"), ended.stderr());
        assertEquals("", ended.stdout());
    }


    /** A vendor's shell into a new SL4 asset (SL4 allows no commands), and its session, waiting for an operator. */
    private record Waiting(Process ssh, LiveSession live) {}

    private Waiting waitingShell() throws Exception {
        String asset = asset("SL4", target, target.hostKeyLine());
        long grant = activeGrant(asset, "oscar", "olivia");
        return new Waiting(shellWithCode(asset, grant), liveSessionOf(grant));
    }

    /** Alice's interactive shell into {@code asset}, logging in with her key and a fresh connect code. */
    private Process shellWithCode(String asset, long grant) throws Exception {
        Path key = registeredKey("alice", dir);
        CodeTypist typist = CodeTypist.typing(dir, ConnectCodeRequests.code("alice", grant));
        return VendorSsh.startShell(bastion.port(), key, "alice:" + asset, CodeTypist.OPTIONS, typist.environment());
    }

    private static String supervisionOf(LiveSession live) {
        return as("oscar").get("/api/sessions").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == '" + live.id() + "' }.supervision");
    }
}
