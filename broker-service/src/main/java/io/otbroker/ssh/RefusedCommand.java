package io.otbroker.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * What the vendor gets instead of a refused exec or subsystem: one line on standard error saying why, and
 * exit status 255. Why not simply fail the request: OpenSSH then only says "exec request failed", and the
 * vendor cannot tell a policy from a fault. The refusal itself is audited by whoever made this command.
 */
public final class RefusedCommand implements Command {

    private final String message;
    private OutputStream err;
    private ExitCallback exit;

    /** Refuses with {@code message} (without the {@code otbroker: } prefix, which is added). */
    public RefusedCommand(String message) {
        this.message = message;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        try {
            err.write(("otbroker: " + message + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // The vendor is gone; nothing to tell.
        }
        exit.onExit(255, message);
    }

    @Override
    public void destroy(ChannelSession channel) {
        // Nothing runs.
    }

    @Override
    public void setInputStream(InputStream in) {
        // Nothing is read.
    }

    @Override
    public void setOutputStream(OutputStream out) {
        // Nothing but the refusal is written, to standard error.
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
