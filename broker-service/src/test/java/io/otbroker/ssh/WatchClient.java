package io.otbroker.ssh;

import io.otbroker.testsupport.HeardSignals;
import io.otbroker.testsupport.TextSocket;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** An API client of the watch stream {@code /api/sessions/{id}/watch}, reading it line by line. */
final class WatchClient implements AutoCloseable {

    private final TextSocket socket;

    private WatchClient(Map<String, String> headers, String sessionId) {
        socket = new TextSocket(path(sessionId), headers);
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
        return TextSocket.refusal(path(sessionId), headers);
    }

    static Map<String, String> bearer(String user) {
        return TextSocket.bearer(user);
    }

    private static String path(String sessionId) {
        return "/api/sessions/" + sessionId + "/watch";
    }

    /** The next line, waiting for it. */
    String next() throws InterruptedException {
        String line = socket.poll(HeardSignals.PATIENCE.toMillis());
        if (line == null) {
            throw new AssertionError("no line from the watch stream");
        }
        return line;
    }

    /** Skips lines until one matches; fails if none comes in time. */
    String until(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String line = socket.poll(100);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + what + " on the watch stream");
    }

    void send(String text) {
        socket.send(text);
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
