package io.otbroker.ssh;

import io.otbroker.connectcode.ConnectCodeRequests;
import io.otbroker.session.LiveSessions;
import io.otbroker.testsupport.Poll;
import io.quarkus.arc.Arc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Alice in a real OpenSSH shell through the broker's front door, to a test asset of her own under an active
 * grant: the front-door fixtures of this package for tests elsewhere (the browser tests of watching).
 */
public final class VendorShell implements AutoCloseable {

    private final TargetAsset target;
    private final Process ssh;
    private final VendorOutput shown;
    private final UUID sessionId;

    private VendorShell(TargetAsset target, Process ssh, UUID sessionId) {
        this.target = target;
        this.ssh = ssh;
        this.shown = VendorOutput.stdoutOf(ssh);
        this.sessionId = sessionId;
    }

    /**
     * Opens the shell at a new asset in a zone at {@code level}: SL2 (approved by oscar) or SL4 (approved by oscar
     * and olivia, logged in with a connect code; the session then waits for an operator to watch it).
     */
    public static VendorShell open(String level, Path keyDirectory) throws Exception {
        TargetAsset target = TargetAsset.start();
        try {
            String asset = SshFixtures.asset(level, target, target.hostKeyLine());
            boolean supervised = "SL4".equals(level);
            long grant = supervised ? SshFixtures.activeGrant(asset, "oscar", "olivia") : SshFixtures.activeGrant(asset);
            Path key = SshFixtures.registeredKey("alice", keyDirectory);
            int port = Arc.container().instance(SshBastion.class).get().port();
            Process ssh;
            if (supervised) {
                CodeTypist typist = CodeTypist.typing(keyDirectory, ConnectCodeRequests.code("alice", grant));
                ssh = VendorSsh.startShell(port, key, "alice:" + asset, CodeTypist.OPTIONS, typist.environment());
            } else {
                ssh = VendorSsh.startShell(port, key, "alice:" + asset);
            }
            LiveSessions sessions = Arc.container().instance(LiveSessions.class).get();
            UUID id = Poll.until(() -> sessions.list().stream().filter(live -> live.grantId() == grant).findFirst(),
                    "alice's live session").id();
            return new VendorShell(target, ssh, id);
        } catch (Exception | AssertionError e) {
            target.close();
            throw e;
        }
    }

    public UUID sessionId() {
        return sessionId;
    }

    /** Types {@code line} and Enter into the vendor's terminal. */
    public void type(String line) throws IOException {
        ssh.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        ssh.getOutputStream().flush();
    }

    /** Waits until the vendor's terminal has shown {@code text}. */
    public void awaitShown(String text) {
        shown.awaitText(text);
    }

    /** Whether the vendor's ssh ended within {@code seconds}. */
    public boolean endsWithin(long seconds) throws InterruptedException {
        return ssh.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        ssh.destroy();
        target.close();
    }
}
