package io.otbroker.access.notify;

import io.otbroker.testsupport.HeardSignals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream as a browser's EventSource would, over a real HTTP connection:
 * comment lines and events (name and data), each handed over as soon as it is complete.
 */
final class EventStreamClient implements AutoCloseable {

    /** One comment line ({@code name} null, {@code data} the comment) or one event. */
    record Received(String name, String data) {

        boolean isComment() {
            return name == null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private EventStreamClient(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(this::readEvents, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with a bearer token; returns once the response headers have arrived. */
    static EventStreamClient open(URI uri, String token) throws IOException, InterruptedException {
        return new EventStreamClient(uri, token);
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next item {@code wanted} accepts, skipping others; fails after {@link HeardSignals#PATIENCE}. */
    Received await(Predicate<Received> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (true) {
            Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    private void readEvents() {
        StringBuilder data = new StringBuilder();
        String[] name = {null};
        try (Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (name[0] != null || !data.isEmpty()) {
                        received.add(new Received(name[0] == null ? "message" : name[0], data.toString()));
                    }
                    name[0] = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    received.add(new Received(null, value(line, 1)));
                } else if (line.startsWith("event:")) {
                    name[0] = value(line, "event:".length());
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(value(line, "data:".length()));
                }
            });
        } catch (UncheckedIOException e) {
            // the stream was closed
        }
    }

    /** A field's value: what follows the colon, without one leading space. */
    private static String value(String line, int start) {
        String value = line.substring(start);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        response.body().close();
        http.shutdownNow();
    }
}
