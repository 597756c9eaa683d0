package io.otbroker.ssh;

import io.otbroker.testsupport.HeardSignals;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An API client of the watch stream {@code /api/sessions/{id}/watch}: the JDK's WebSocket client, collecting lines. */
final class WatchClient implements AutoCloseable {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WatchClient(Map<String, String> headers, String sessionId) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri(sessionId), new Collector()).join();
    }

    /** Watches {@code session} as {@code user}, with the user's bearer token. */
    static WatchClient watch(String user, UUID session) {
        return new WatchClient(bearer(user), session.toString());
    }

    /** Watches {@code session} with exactly these upgrade headers. */
    static WatchClient withHeaders(Map<String, String> headers, UUID session) {
        return new WatchClient(headers, session.toString());
    }

    /** The HTTP status that refuses the upgrade with these headers; fails if the upgrade succeeds. */
    static int refusal(Map<String, String> headers, String sessionId) {
        try (WatchClient unexpected = new WatchClient(headers, sessionId)) {
            throw new AssertionError("the upgrade was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    static Map<String, String> bearer(String user) {
        return Map.of("Authorization", "Bearer " + Tokens.of(user));
    }

    static URI uri(String sessionId) {
        return URI.create(KeycloakResource.brokerUrl().replaceFirst("^http", "ws") + "/api/sessions/" + sessionId
                + "/watch");
    }

    /** The next line, waiting for it. */
    String next() throws InterruptedException {
        String line = lines.poll(HeardSignals.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line from the watch stream");
        }
        return line;
    }

    /** Skips lines until one matches; fails if none comes in time. */
    String until(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + what + " on the watch stream");
    }

    void send(String text) {
        socket.sendText(text, true).join();
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
                lines.add(partial.toString());
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
