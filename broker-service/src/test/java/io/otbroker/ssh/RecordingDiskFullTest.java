package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditEvent;
import io.otbroker.recorder.RecorderSettings;
import io.otbroker.recording.SmallDiskRecordingStorage;
import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recordings' disk runs full during a live session: the session is cut, the vendor told, it is audited. */
@QuarkusTest
class RecordingDiskFullTest extends FrontDoorTest {

    /** What the recorder queues per recording before the relay must wait for the disk. */
    private static final long QUEUE_BYTES = RecorderSettings.defaults().queueBytes();
    private static final long FLOOD = 3 * QUEUE_BYTES;

    @Inject
    SmallDiskRecordingStorage disk;

    @Test
    void aFullDiskCutsTheLiveSessionAndClosesTheAssetLeg() throws Exception {
        disk.recordNextOnSmallDisk();
        String asset = asset(target, target.hostKeyLine());
        long grant = activeGrant(asset);
        Process shell = VendorSsh.startShell(bastion.port(), registeredKey("alice", dir), "alice:" + asset);
        VendorOutput shown = VendorOutput.stdoutOf(shell);
        OutputStream typing = shell.getOutputStream();
        LiveSession live = liveSessionOf(grant);
        typing.write("echo recorded fine\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        shown.awaitText("recorded fine");
        assertEquals(1, target.openConnections());
        try {
            disk.fillSmallDisk();
            // The relay runs ahead of the disk by at most the recording's queue (8 MiB): a write failing there
            // stops the flood within that, however fast the relay is. Three times that shows it cannot run on.
            typing.write(("flood " + FLOOD + "\n").getBytes(StandardCharsets.UTF_8));
            typing.flush();

            VendorSsh.Result cut = VendorSsh.finish(shell, 30);
            assertEquals(255, cut.exitStatus());
            assertTrue(cut.stderr().contains("The session can no longer be recorded."), cut.stderr());
            int shownBytes = shown.awaitEnd().size();
            assertTrue(shownBytes < QUEUE_BYTES + 1024 * 1024, "the flood went on past the recording's queue: "
                    + shownBytes + " bytes shown");
            AuditEvent end = SshFixtures.events("session.end", "session/" + live.id()).getFirst();
            assertTrue(end.details.contains("no longer be recorded") && end.details.contains("FAILED"), end.details);
            Poll.until(() -> target.openConnections() == 0 ? Optional.of(true) : Optional.empty(), "the asset leg closed");
            as("audrey").get("/api/sessions/history?asset=" + asset).then().statusCode(200)
                    .body("items[0].recordingState", equalTo("FAILED"));
        } finally {
            disk.freeSmallDisk();
        }
    }
}
