package io.otbroker.terminal;

import io.otbroker.session.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.channel.PtyMode;

/**
 * The SSH leg of one browser terminal: a shell with a pty on a session logged in at the front door. What the
 * shell writes (and what the broker tells the vendor on the error stream: expiry warnings, cuts) goes to the
 * browser as text; what the browser types goes to the shell.
 */
final class TerminalLeg implements AutoCloseable {

    /** Where the terminal's text and its end go: the browser's WebSocket. */
    interface Browser {
        void output(String text);

        void ended(String reason);
    }

    static final String TERM = "xterm-256color";
    private static final String BROKER_PREFIX = "otbroker: ";
    /** The exit status of a session the front door refused or cut. */
    private static final int BROKER_ENDED = 255;
    private static final int READ_SIZE = 8192;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /**
     * The modes of an ordinary cooked terminal, as OpenSSH sends a local terminal's. Why not MINA's defaults:
     * they lack ICRNL and ONLCR, and xterm.js sends CR for Enter and DEL for Backspace, which the asset's pty
     * must turn into a newline and an erase, as it does for an OpenSSH client.
     */
    private static final Map<PtyMode, Integer> COOKED_TERMINAL = Map.ofEntries(Map.entry(PtyMode.VINTR, 3),
            Map.entry(PtyMode.VQUIT, 28), Map.entry(PtyMode.VERASE, 127), Map.entry(PtyMode.VKILL, 21),
            Map.entry(PtyMode.VEOF, 4), Map.entry(PtyMode.VSUSP, 26), Map.entry(PtyMode.VWERASE, 23),
            Map.entry(PtyMode.ICRNL, 1), Map.entry(PtyMode.IXON, 1), Map.entry(PtyMode.IUTF8, 1),
            Map.entry(PtyMode.ISIG, 1), Map.entry(PtyMode.ICANON, 1), Map.entry(PtyMode.IEXTEN, 1),
            Map.entry(PtyMode.ECHO, 1), Map.entry(PtyMode.ECHOE, 1), Map.entry(PtyMode.ECHOK, 1),
            Map.entry(PtyMode.ECHOCTL, 1), Map.entry(PtyMode.ECHOKE, 1), Map.entry(PtyMode.OPOST, 1),
            Map.entry(PtyMode.ONLCR, 1), Map.entry(PtyMode.CS8, 1), Map.entry(PtyMode.TTY_OP_ISPEED, 38400),
            Map.entry(PtyMode.TTY_OP_OSPEED, 38400));

    private final ClientSession session;
    private final ChannelShell shell;
    private final OutputStream typing;
    /** The broker's last message on the error stream: why the session ended, when it was cut. */
    private final AtomicReference<String> lastBrokerMessage = new AtomicReference<>();

    private TerminalLeg(ClientSession session, ChannelShell shell) {
        this.session = session;
        this.shell = shell;
        this.typing = shell.getInvertedIn();
    }

    /** Opens the shell on {@code session} at {@code size} and starts relaying its output to {@code browser}. */
    static TerminalLeg open(ClientSession session, TerminalSize size, Browser browser, Duration timeout)
            throws IOException {
        PtyChannelConfiguration pty = new PtyChannelConfiguration();
        pty.setPtyType(TERM);
        pty.setPtyColumns(size.columns());
        pty.setPtyLines(size.rows());
        pty.setPtyModes(COOKED_TERMINAL);
        ChannelShell shell = session.createShellChannel(pty, Map.of());
        shell.open().verify(timeout);
        TerminalLeg leg = new TerminalLeg(session, shell);
        leg.relay(browser);
        return leg;
    }

    private void relay(Browser browser) {
        Thread errors = Thread.ofVirtual().name("otbroker-terminal-err").start(() -> pump(shell.getInvertedErr(),
                browser, true));
        Thread.ofVirtual().name("otbroker-terminal-out").start(() -> {
            pump(shell.getInvertedOut(), browser, false);
            try {
                errors.join();
                shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            browser.ended(endReason());
            close();
        });
    }

    /** Copies one stream to the browser as text until it ends. */
    private void pump(InputStream from, Browser browser, boolean errorStream) {
        TerminalText text = new TerminalText();
        byte[] buffer = new byte[READ_SIZE];
        try {
            for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                String chunk = text.next(buffer, read);
                if (errorStream) {
                    remember(chunk);
                }
                if (!chunk.isEmpty()) {
                    browser.output(chunk);
                }
            }
        } catch (IOException e) {
            // The channel closed under the read: the end is reported once both streams are done.
        }
        String rest = text.finish();
        if (!rest.isEmpty()) {
            browser.output(rest);
        }
    }

    private void remember(String chunk) {
        for (String line : chunk.split("\r?\n")) {
            if (line.startsWith(BROKER_PREFIX)) {
                lastBrokerMessage.set(line.substring(BROKER_PREFIX.length()).strip());
            }
        }
    }

    /** The shell's exit status, or for a session the broker ended (status 255, as OpenSSH shows it) its last word. */
    private String endReason() {
        Integer status = shell.getExitStatus();
        if (status != null && status != BROKER_ENDED) {
            return "the shell exited with status " + status;
        }
        String told = lastBrokerMessage.get();
        return told != null ? told : "the connection to the asset closed";
    }

    /** Sends what the browser typed (or pasted) to the shell. */
    void type(String data) throws IOException {
        typing.write(data.getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    /** Tells the shell the browser's terminal has a new size. */
    void resize(TerminalSize size) throws IOException {
        shell.sendWindowChange(size.columns(), size.rows());
    }

    /** Ends the SSH connection: the front door ends the relayed session and seals its recording. */
    @Override
    public void close() {
        session.close(true);
    }
}
