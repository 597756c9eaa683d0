package io.otbroker.ssh;

import io.otbroker.session.LiveSession;
import io.otbroker.session.LiveSessions;
import io.otbroker.testsupport.Poll;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** What every front-door test has: the broker's SSH door, its live sessions, a target asset and a key directory. */
abstract class FrontDoorTest {

    static TargetAsset target;

    @Inject
    SshBastion bastion;

    @Inject
    LiveSessions liveSessions;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAsset() throws Exception {
        target = TargetAsset.start();
    }

    @AfterAll
    static void stopAsset() throws Exception {
        target.close();
    }

    /** The live session under {@code grant}, waiting for it to register. */
    LiveSession liveSessionOf(long grant) {
        return Poll.until(() -> liveSessions.list().stream().filter(live -> live.grantId() == grant).findFirst(),
                "the live session");
    }
}
