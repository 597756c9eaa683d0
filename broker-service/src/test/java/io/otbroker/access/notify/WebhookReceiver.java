package io.otbroker.access.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A paging service's webhook endpoint on a free loopback port: records every delivery and answers with
 * the statuses a test scripts (204 when none is scripted). Points the broker's webhook at itself.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** The shared secret the broker signs with in these tests. */
    static final String SECRET = "test-only-webhook-secret-0123456789abcdef";
    /** Paging services often put a token in the URL: it must never reach a log. */
    static final String PATH = "/page";

    /** One POST as received. */
    record Delivery(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private static final BlockingQueue<Delivery> DELIVERIES = new LinkedBlockingQueue<>();
    private static final ConcurrentLinkedQueue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    /** Forgets earlier deliveries and answers the next ones with {@code statuses}, then with 204. */
    static void reset(Integer... statuses) {
        DELIVERIES.clear();
        SCRIPT.clear();
        SCRIPT.addAll(List.of(statuses));
    }

    /** The next delivery, or null when none comes within {@code seconds}. */
    static Delivery next(int seconds) throws InterruptedException {
        return DELIVERIES.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::receive);
        server.start();
        return Map.of(
                "otbroker.webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + PATH + "?token=t0ps3cret",
                "otbroker.webhook.secret", SECRET,
                "otbroker.webhook.attempts", "3",
                "otbroker.webhook.retry-delay", "0.1s",
                "otbroker.webhook.timeout", "2s");
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("POST".equals(exchange.getRequestMethod())) {
            DELIVERIES.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body));
        }
        Integer scripted = SCRIPT.poll();
        exchange.sendResponseHeaders(scripted == null ? 204 : scripted, -1);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
