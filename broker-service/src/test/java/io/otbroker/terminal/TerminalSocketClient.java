package io.otbroker.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.testsupport.HeardSignals;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An API client of the browser terminal's socket {@code /api/terminal/{id}}: the JDK's WebSocket client. */
final class TerminalSocketClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonPath> messages = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private TerminalSocketClient(Map<String, String> headers, String requestId) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(URI.create(KeycloakResource.brokerUrl().replaceFirst("^http", "ws")
                + "/api/terminal/" + requestId + "?cols=100&rows=30"), new Collector()).join();
    }

    /** Opens the terminal of request {@code id} as {@code user}, with the user's bearer token. */
    static TerminalSocketClient open(String user, long id) {
        return new TerminalSocketClient(bearer(user), Long.toString(id));
    }

    /** Opens the terminal of request {@code id} with exactly these upgrade headers. */
    static TerminalSocketClient withHeaders(Map<String, String> headers, long id) {
        return new TerminalSocketClient(headers, Long.toString(id));
    }

    static Map<String, String> bearer(String user) {
        return new HashMap<>(Map.of("Authorization", "Bearer " + Tokens.of(user)));
    }

    /** The HTTP status that refuses the upgrade with these headers; fails if the upgrade succeeds. */
    static int refusal(Map<String, String> headers, String requestId) {
        try (TerminalSocketClient unexpected = new TerminalSocketClient(headers, requestId)) {
            throw new AssertionError("the upgrade was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** The next message of {@code type} (output is collected on the way); fails if none comes in time. */
    JsonPath next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath message = messages.poll(100, TimeUnit.MILLISECONDS);
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
            JsonPath message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.getString("type").equals("output")) {
                output.append(message.getString("data"));
            }
        }
        if (!output.toString().contains(text)) {
            throw new AssertionError("no '" + text + "' in the output: " + output);
        }
        return output.toString();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void type(String keys) throws JsonProcessingException {
        send(JSON.writeValueAsString(Map.of("type", "input", "data", keys)));
    }

    /** The close code the server sent, waiting for it. */
    int closeCode() throws Exception {
        return closed.get(HeardSignals.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(gone -> null).join();
        }
    }

    /** Puts whole messages (text may come in parts) in the queue. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JsonPath.from(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
