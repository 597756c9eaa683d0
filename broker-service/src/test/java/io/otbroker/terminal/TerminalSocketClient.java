package io.otbroker.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.testsupport.HeardSignals;
import io.otbroker.testsupport.TextSocket;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** An API client of the browser terminal's socket {@code /api/terminal/{id}}, reading its JSON messages. */
final class TerminalSocketClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder output = new StringBuilder();
    private final TextSocket socket;

    private TerminalSocketClient(Map<String, String> headers, String requestId) {
        socket = new TextSocket(path(requestId), headers);
    }

    /** Opens the terminal of request {@code id} as {@code user}, with the user's bearer token. */
    static TerminalSocketClient open(String user, long id) {
        return new TerminalSocketClient(bearer(user), Long.toString(id));
    }

    /** Opens the terminal of request {@code id} with exactly these upgrade headers. */
    static TerminalSocketClient withHeaders(Map<String, String> headers, long id) {
        return new TerminalSocketClient(headers, Long.toString(id));
    }

    /** The user's bearer token as upgrade headers, to add others to. */
    static Map<String, String> bearer(String user) {
        return new HashMap<>(TextSocket.bearer(user));
    }

    /** The HTTP status that refuses the upgrade with these headers; fails if the upgrade succeeds. */
    static int refusal(Map<String, String> headers, String requestId) {
        return TextSocket.refusal(path(requestId), headers);
    }

    private static String path(String requestId) {
        return "/api/terminal/" + requestId + "?cols=100&rows=30";
    }

    /** The next message of {@code type} (output is collected on the way); fails if none comes in time. */
    JsonPath next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath message = poll();
            if (message != null && message.getString("type").equals("output")) {
                output.append(message.getString("data"));
            }
            if (message != null && message.getString("type").equals(type)) {
                return message;
            }
        }
        throw new AssertionError("no '" + type + "' message; output so far: " + output);
    }

    /** Waits until the output holds {@code text}; returns all output so far. */
    String outputWith(String text) throws InterruptedException {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (!output.toString().contains(text) && System.nanoTime() < deadline) {
            JsonPath message = poll();
            if (message != null && message.getString("type").equals("output")) {
                output.append(message.getString("data"));
            }
        }
        if (!output.toString().contains(text)) {
            throw new AssertionError("no '" + text + "' in the output: " + output);
        }
        return output.toString();
    }

    /** The next message, waiting at most 100 ms; null if none came. */
    private JsonPath poll() throws InterruptedException {
        String message = socket.poll(100);
        return message == null ? null : JsonPath.from(message);
    }

    void send(String text) {
        socket.send(text);
    }

    void type(String keys) throws JsonProcessingException {
        send(JSON.writeValueAsString(Map.of("type", "input", "data", keys)));
    }

    /** The close code the server sent, waiting for it. */
    int closeCode() throws Exception {
        return socket.closeCode();
    }

    @Override
    public void close() {
        socket.close();
    }
}
