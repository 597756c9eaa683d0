package io.otbroker.session;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the vendor once, {@code otbroker.ssh.expiry-warning} before the grant ends, when their session will
 * be cut: "this session ends at 14:05:00Z (in 5 minutes)". A session that starts inside that span is told at
 * once. Why a sweep each second on the injected clock rather than one timer per session: the warning then
 * follows the broker's time however it moves, and costs nothing per session.
 */
@ApplicationScoped
public class ExpiryWarnings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private record Pending(Instant end, Consumer<String> tell) {}

    @Inject
    Clock clock;

    @ConfigProperty(name = "otbroker.ssh.expiry-warning")
    Duration ahead;

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    /** Warns through {@code tell} (once) when {@code end} is near; at once if it already is. */
    public void watch(UUID session, Instant end, Consumer<String> tell) {
        Pending warning = new Pending(end, tell);
        pending.put(session, warning);
        warnIfDue(session, warning);
    }

    /** The session has ended: no warning any more. */
    public void forget(UUID session) {
        pending.remove(session);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        pending.forEach(this::warnIfDue);
    }

    private void warnIfDue(UUID session, Pending warning) {
        Instant now = clock.instant();
        if (now.isBefore(warning.end().minus(ahead)) || !pending.remove(session, warning)) {
            return;
        }
        String text = "this session ends at " + TIME.format(warning.end()) + " (" + remaining(now, warning.end()) + ").";
        // Why on a thread of its own: telling a vendor who does not read may block; the sweep must not.
        Thread.ofVirtual().name("otbroker-expiry-warning-" + session).start(() -> warning.tell().accept(text));
    }

    /** "in 5 minutes", "in 1 minute", "in less than a minute": whole minutes, rounded up. */
    static String remaining(Instant now, Instant end) {
        long seconds = Math.max(0, Duration.between(now, end).toSeconds());
        if (seconds < 60) {
            return "in less than a minute";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "in 1 minute" : "in " + minutes + " minutes";
    }
}
