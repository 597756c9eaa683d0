package io.otbroker.terminal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One browser terminal's WebSocket and its SSH leg. Sends the server's side of the protocol (README, "Browser
 * terminal"): {@code {"type":"connected"}}, {@code {"type":"output","data":…}}, and once at the end
 * {@code {"type":"closed","reason":…}} (with {@code "problem"} when the vendor can do something about it),
 * after which the socket closes. Until the leg is up, typing is dropped and the last size kept for it.
 */
final class BrowserTerminal implements TerminalLeg.Browser {

    private final WebSocketConnection connection;
    private final ObjectMapper json;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile TerminalLeg leg;
    private volatile TerminalSize size;

    BrowserTerminal(WebSocketConnection connection, ObjectMapper json, TerminalSize size) {
        this.connection = connection;
        this.json = json;
        this.size = size;
    }

    TerminalSize size() {
        return size;
    }

    /** The leg is up: typing goes through from now on. If the socket closed meanwhile, the leg is closed. */
    void connected(TerminalLeg connectedLeg) {
        leg = connectedLeg;
        if (ended.get()) {
            connectedLeg.close();
            return;
        }
        send(message("connected"));
    }

    void type(String data) throws IOException {
        TerminalLeg current = leg;
        if (current != null) {
            current.type(data);
        }
    }

    void resize(TerminalSize newSize) throws IOException {
        size = newSize;
        TerminalLeg current = leg;
        if (current != null) {
            current.resize(newSize);
        }
    }

    @Override
    public void output(String text) {
        if (!ended.get()) {
            send(message("output").put("data", text));
        }
    }

    @Override
    public void ended(String reason) {
        refused(reason, null);
    }

    /** Ends the terminal with {@code reason}; {@code problem} (may be null) is a problem type the page acts on. */
    void refused(String reason, String problem) {
        if (ended.compareAndSet(false, true)) {
            ObjectNode closed = message("closed").put("reason", reason);
            if (problem != null) {
                closed.put("problem", problem);
            }
            send(closed);
            connection.close(new CloseReason(CloseReason.NORMAL.getCode(), "terminal closed")).subscribe()
                    .with(done -> { }, alreadyGone -> { });
        }
    }

    /** The socket closed (or broke) first: the SSH leg goes with it. */
    void socketClosed() {
        ended.set(true);
        TerminalLeg current = leg;
        if (current != null) {
            current.close();
        }
    }

    private ObjectNode message(String type) {
        return json.createObjectNode().put("type", type);
    }

    private void send(ObjectNode message) {
        if (connection.isOpen()) {
            try {
                connection.sendTextAndAwait(json.writeValueAsString(message));
            } catch (IOException | RuntimeException gone) {
                // The browser left while we wrote: socketClosed() ends the leg.
            }
        }
    }
}
