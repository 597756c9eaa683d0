package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.GrantScheduler;
import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The vendor is told once, five minutes before the grant ends, when the session will be cut. */
@QuarkusTest
class ExpiryWarningTest extends FrontDoorTest {

    private static final String WARNING = "otbroker: this session ends at ";

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
    void aLiveSessionIsWarnedOnceFiveMinutesBeforeItsGrantEnds() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);
        Process ssh = VendorSsh.start(bastion.port(), key, "alice:" + asset, List.of(), "sleep 60");
        VendorOutput told = VendorOutput.stderrOf(ssh);
        LiveSession live = liveSessionOf(grant);
        told.awaitText("This session is recorded.");
        assertTrue(!told.text().contains(WARNING), "no warning an hour before the end");

        clock.advance(Duration.ofMinutes(55).plusSeconds(1));
        told.awaitText(WARNING);
        live.cutter().cut("Test over.");

        String stderr = told.awaitEnd().text();
        String end = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(live.grantEnd());
        assertTrue(stderr.contains(WARNING + end + " (in 5 minutes)."), stderr);
        assertEquals(1, stderr.split(WARNING, -1).length - 1, "told once: " + stderr);
    }

    @Test
    void aSessionStartingInsideTheLastFiveMinutesIsWarnedAtOnce() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        clock.advance(Duration.ofMinutes(57));
        VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "sleep 1");

        assertEquals(0, result.exitStatus(), result.stderr());
        assertTrue(result.stderr().contains(WARNING), result.stderr());
        assertTrue(result.stderr().contains("(in 3 minutes)."), result.stderr());
    }
}
