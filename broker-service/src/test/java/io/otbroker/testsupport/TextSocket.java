package io.otbroker.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client of one of the broker's WebSockets (watch stream, browser terminal): the JDK's WebSocket client,
 * collecting whole text messages and the close code the server sends.
 */
public final class TextSocket implements AutoCloseable {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    /** Opens {@code path} (and query) of the broker with exactly these upgrade headers. */
    public TextSocket(String path, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri(path), new Collector()).join();
    }

    /** The upgrade headers of {@code user}'s bearer token. */
    public static Map<String, String> bearer(String user) {
        return Map.of("Authorization", "Bearer " + Tokens.of(user));
    }

    public static URI uri(String path) {
        return URI.create(KeycloakResource.brokerUrl().replaceFirst("^http", "ws") + path);
    }

    /** The HTTP status that refuses the upgrade of {@code path} with these headers; fails if it succeeds. */
    public static int refusal(String path, Map<String, String> headers) {
        try (TextSocket unexpected = new TextSocket(path, headers)) {
            throw new AssertionError("the upgrade was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** The next message, waiting at most {@code millis}; null if none came. */
    public String poll(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The close code the server sent, waiting for it. */
    public int closeCode() throws Exception {
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
                messages.add(partial.toString());
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
