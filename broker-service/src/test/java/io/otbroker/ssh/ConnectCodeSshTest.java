package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditEvent;
import io.otbroker.connectcode.ConnectCodeRequests;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SL3/SL4 sessions through the front door with the real OpenSSH client: after the key, ssh asks for the
 * one-time connect code (keyboard-interactive), answered here by an askpass program as a person would type it.
 */
@QuarkusTest
class ConnectCodeSshTest extends FrontDoorTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void anSl3SessionWithAValidCodeRunsTheCommand() throws Exception {
        Sl3Door door = door("SL3");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();

        CodeTypist typist = typing(connectCode(grant));
        VendorSsh.Result result = run(key, asset, typist);

        assertEquals("hello\n", result.stdout(), result.stderr());
        assertEquals(0, result.exitStatus());
        // OpenSSH puts the login it asks for in front of the server's prompt.
        assertEquals("(alice:" + asset + "@127.0.0.1) One-time connect code: \n", typist.promptsShown());
        assertEquals(1, SshFixtures.events("connect_code.use", "access-request/" + grant).size());
        AuditEvent login = SshFixtures.events("ssh.login", "access-request/" + grant).getFirst();
        assertTrue(login.details.contains("\"connectCode\":true"), login.details);
    }

    @Test
    void withoutACodeTheKeyAloneDoesNotLogIn() throws Exception {
        Sl3Door door = door("SL4");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();

        // Batch mode: ssh answers no prompt, as a script or a client without keyboard-interactive would.
        VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");

        assertRefused(result);
        AuditEvent refused = Poll.until(() -> lastRefusal(grant), "the audited refusal");
        assertTrue(refused.details.contains("no valid connect code given"), refused.details);
    }

    @Test
    void aWrongCodeIsRefused() throws Exception {
        Sl3Door door = door("SL3");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();
        connectCode(grant);

        assertRefused(run(key, asset, typing("ABCDE-FGHJK")));
        assertTrue(lastRefusal(grant).orElseThrow().details.contains("wrong connect code"));
    }

    @Test
    void aCodeOpensOneSessionOnly() throws Exception {
        Sl3Door door = door("SL3");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();
        String code = connectCode(grant);

        assertEquals(0, run(key, asset, typing(code)).exitStatus());
        assertRefused(run(key, asset, typing(code)));
        assertTrue(lastRefusal(grant).orElseThrow().details.contains("connect code already used"));
    }

    @Test
    void aCodeExpiresAfterTwoMinutes() throws Exception {
        Sl3Door door = door("SL3");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();
        String code = connectCode(grant);

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertRefused(run(key, asset, typing(code)));
        assertTrue(lastRefusal(grant).orElseThrow().details.contains("connect code expired"));
    }

    @Test
    void aNewCodeReplacesTheUnusedOlderOne() throws Exception {
        Sl3Door door = door("SL3");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();
        String older = connectCode(grant);
        String newer = connectCode(grant);

        assertRefused(run(key, asset, typing(older)));
        assertEquals("hello\n", run(key, asset, typing(newer)).stdout());
    }

    @Test
    void codesAreTypedAsPeopleTypeThem() throws Exception {
        Sl3Door door = door("SL3");
        String asset = door.asset();
        Path key = door.key();
        long grant = door.grant();
        String code = connectCode(grant);

        VendorSsh.Result result = run(key, asset, typing(" " + code.replace("-", " ").toLowerCase() + " "));
        assertEquals("hello\n", result.stdout(), result.stderr());
    }

    @Test
    void anSl2LoginAsksForNothingButTheKey() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        CodeTypist typist = typing("never asked");
        VendorSsh.Result result = run(key, asset, typist);
        assertEquals("hello\n", result.stdout(), result.stderr());
        assertEquals("", typist.promptsShown());
    }

    /** An asset at {@code level} (SL3 or SL4) with alice's registered key and her grant, approved twice. */
    private record Sl3Door(String asset, Path key, long grant) {}

    private Sl3Door door(String level) {
        String asset = asset(level, target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        return new Sl3Door(asset, key, activeGrant(asset, "oscar", "olivia"));
    }

    private VendorSsh.Result run(Path key, String asset, CodeTypist typist) throws Exception {
        return VendorSsh.finish(VendorSsh.start(bastion.port(), key, "alice:" + asset, CodeTypist.OPTIONS, "echo hello",
                typist.environment()), 60);
    }

    private static String connectCode(long grant) {
        return ConnectCodeRequests.code("alice", grant);
    }

    private static void assertRefused(VendorSsh.Result result) {
        assertEquals(255, result.exitStatus());
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("Permission denied"), result.stderr());
    }

    private static Optional<AuditEvent> lastRefusal(long grant) {
        List<AuditEvent> refusals = SshFixtures.events("ssh.login_failed", "access-request/" + grant);
        return refusals.isEmpty() ? Optional.empty() : Optional.of(refusals.getLast());
    }

    /** An askpass program that types {@code answer} at every prompt and notes the prompts it was shown. */
    private CodeTypist typing(String answer) throws IOException {
        return CodeTypist.typing(dir, answer);
    }
}
