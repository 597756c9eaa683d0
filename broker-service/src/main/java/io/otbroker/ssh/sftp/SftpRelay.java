package io.otbroker.ssh.sftp;

import io.otbroker.access.ActiveGrant;
import io.otbroker.policy.SessionRules;
import io.otbroker.ssh.FailClosed;
import io.otbroker.ssh.RelayedSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * One relayed SFTP session: MINA's SFTP server speaks to the vendor, and the files it serves are the
 * asset's, reached over the broker's own SFTP connection (MINA's {@code SftpFileSystem}) through a
 * {@link TransferGuard} that enforces the conduit and audits. Like a shell it needs the active grant, is
 * recorded (a transcript of its operations), live (revocation, expiry and operators cut it) and audited.
 */
final class SftpRelay implements AsyncCommand {

    /** Exit status the vendor sees when the broker refuses or cuts the session. */
    private static final int REFUSED = 255;
    /** The transcript's terminal: wide enough for a path and a SHA-256 on one line. */
    private static final int COLUMNS = 160;
    private static final int ROWS = 40;
    private static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(2);

    private final RelayedSession lifecycle;
    private final SessionRules rules;
    private final SftpTrail trail;
    private final SftpSubsystem subsystem;
    private ChannelSession channel;
    private ExitCallback exit;
    private IoOutputStream err;

    SftpRelay(RelayedSession lifecycle, SessionRules rules, KeptFiles kept, ChannelSession channel)
            throws IOException {
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.trail = new SftpTrail(lifecycle);
        SftpSubsystemFactory configured = new SftpSubsystemFactory();
        configured.setFileSystemAccessor(new TransferGuard(rules, trail, kept, lifecycle.id()));
        // MINA's server takes the channel's data from here on; it serves nothing until started in open().
        this.subsystem = (SftpSubsystem) configured.createSubsystem(channel);
        subsystem.setExitCallback((status, message, closeImmediately) -> endSoon(status, null, "the SFTP session ended"));
    }

    @Override
    public void start(ChannelSession vendorChannel, Environment env) {
        channel = vendorChannel;
        FailClosed.open("otbroker-sftp-relay-" + lifecycle.id(), () -> open(env),
                () -> end(REFUSED, FailClosed.FAILED_TO_OPEN));
    }

    private void open(Environment env) {
        Optional<String> refusal = lifecycle.refusal();
        if (refusal.isPresent()) {
            end(REFUSED, refusal.get(), refusal.get());
            return;
        }
        if (!lifecycle.startRecording(COLUMNS, ROWS, Map.of(), this::cut)) {
            end(REFUSED, "Session refused: it cannot be recorded.");
            return;
        }
        Optional<ClientSession> upstream = lifecycle.connect();
        Optional<FileSystem> files = upstream.flatMap(this::assetFiles);
        if (files.isEmpty()) {
            end(REFUSED, "Session refused: the asset cannot be reached safely. The operators have been told.");
            return;
        }
        // Why before anything is served: until now the SFTP server's file system is the broker's own.
        subsystem.setFileSystem(files.get());
        if (!lifecycle.goLive(this::cut)) {
            end(REFUSED, "Session refused: it cannot be recorded."); // nothing more if it ended meanwhile
            return;
        }
        // Why: without its asset, MINA's SFTP server would go on answering every request with a failure. MINA
        // calls the listener at once if the asset is already gone; after any other end it finds nothing to do.
        upstream.get().addCloseFutureListener(closed -> endSoon(REFUSED, "The asset ended the session.",
                "the asset ended the session"));
        if (introduce()) {
            try {
                subsystem.start(channel, env);
            } catch (IOException e) {
                end(REFUSED, "The file transfer could not start.");
            }
        }
    }

    /**
     * The asset's files over the broker's own SFTP connection, or empty (refused and audited). Why the home
     * directory is asked for here: MINA opens the SFTP channel only at the first use of the file system, and
     * an asset without SFTP must be refused here, not fail later on the relay's thread with the vendor waiting.
     */
    private Optional<FileSystem> assetFiles(ClientSession upstream) {
        SftpFileSystem files = null;
        try {
            files = SftpClientFactory.instance().createSftpFileSystem(upstream);
            files.getDefaultDir();
            return Optional.of(files);
        } catch (IOException | RuntimeException e) {
            closeQuietly(files);
            lifecycle.refused("the asset offers no SFTP");
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileSystem files) {
        if (files != null) {
            try {
                files.close();
            } catch (IOException | RuntimeException e) {
                // Refusing anyway; the upstream session is closed with the refusal.
            }
        }
    }

    /** Tells the vendor and the transcript what this session may do; false if the transcript cannot be written. */
    private boolean introduce() {
        ActiveGrant grant = lifecycle.grant();
        String allowed = "upload " + (rules.uploadAllowed() ? "allowed" : "denied") + ", download "
                + (rules.downloadAllowed() ? "allowed" : "denied") + (rules.keepTransferredFiles()
                ? ", transferred files are kept" : "");
        try {
            trail.record("SFTP session of " + grant.vendor() + " on " + grant.assetName() + ": " + allowed);
        } catch (IOException e) {
            cut("The session can no longer be recorded.");
            return false;
        }
        notice("Connected to " + grant.assetName() + " through otbroker (" + allowed + "). The grant ends at "
                + grant.end() + ". This session is recorded and every file transfer audited.");
        return true;
    }

    /** Ends the session from outside (grant ended, operator, failed recording), telling the vendor why. */
    void cut(String message) {
        end(REFUSED, message);
    }

    private void end(int status, String message) {
        end(status, message, message);
    }

    /**
     * Ends on a thread of its own. Why: MINA reports the SFTP server's end on that server's thread, which ending
     * interrupts, and the asset's close on an I/O thread, which must not wait for the vendor's notice.
     */
    private void endSoon(int status, String message, String reason) {
        Thread.ofVirtual().name("otbroker-sftp-end-" + lifecycle.id()).start(() -> end(status, message, reason));
    }

    /**
     * Ends once: tells the vendor {@code message} (if any), closes the asset's side first (a transfer still
     * open then ends incomplete), then the SFTP server with its open files (each transfer audited), seals
     * and audits, and closes the vendor's channel.
     */
    private void end(int status, String message, String reason) {
        boolean ending = true;
        try {
            ending = lifecycle.end(status, reason, () -> {
                if (message != null) {
                    notice(message);
                }
                lifecycle.closeUpstream();
                subsystem.destroy(channel);
            });
        } finally {
            // Whatever the audit log says, the call that ended the session closes the vendor's channel.
            if (ending) {
                exit.onExit(status, message == null ? "" : message);
            }
        }
    }

    private synchronized void notice(String text) {
        try {
            err.writeBuffer(new ByteArrayBuffer(("otbroker: " + text + "\n").getBytes(StandardCharsets.UTF_8)))
                    .await(NOTICE_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            // The vendor is gone (or the channel is closing); nothing to tell.
        }
    }

    @Override
    public void destroy(ChannelSession vendorChannel) {
        end(REFUSED, null, "the vendor closed the session");
    }

    @Override
    public void setIoInputStream(IoInputStream in) {
        subsystem.setIoInputStream(in);
    }

    @Override
    public void setIoOutputStream(IoOutputStream out) {
        subsystem.setIoOutputStream(out);
    }

    @Override
    public void setIoErrorStream(IoOutputStream err) {
        this.err = err;
        subsystem.setIoErrorStream(err);
    }

    @Override
    public void setInputStream(InputStream in) {
        subsystem.setInputStream(in);
    }

    @Override
    public void setOutputStream(OutputStream out) {
        subsystem.setOutputStream(out);
    }

    @Override
    public void setErrorStream(OutputStream err) {
        subsystem.setErrorStream(err);
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
