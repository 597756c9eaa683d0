package io.otbroker.session;

import io.otbroker.access.AccessChange;
import io.otbroker.access.AccessState;
import io.otbroker.access.ActiveGrants;
import io.otbroker.access.signal.ClusterSignalsResynced;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * This broker's live sessions. Each is cut when its grant ends: on the access change that says so
 * (revoked, expired, cancelled; delivered on every broker) and, as a second line of defence should a
 * signal be lost, by a timer at the grant's end.
 */
@ApplicationScoped
public class LiveSessions {

    private static final Set<AccessState> ENDING = EnumSet.of(AccessState.REVOKED, AccessState.EXPIRED,
            AccessState.CANCELLED);

    @Inject
    Clock clock;

    @Inject
    ActiveGrants grants;

    private final Map<UUID, LiveSession> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("otbroker-grant-end").factory());

    /** Registers a session and arms its grant-end timer. */
    public void add(LiveSession session) {
        sessions.put(session.id(), session);
        long delay = Math.max(0, Duration.between(clock.instant(), session.grantEnd()).toMillis());
        // Cut on a thread of its own: one session slow to end must not delay the timer of every other.
        timers.put(session.id(), timer.schedule(() -> Thread.ofVirtual().name("otbroker-grant-end-cut")
                .start(() -> session.cutter().cut("The grant has ended.")), delay, TimeUnit.MILLISECONDS));
    }

    /** Forgets a session that has ended. */
    public void remove(UUID id) {
        sessions.remove(id);
        ScheduledFuture<?> pending = timers.remove(id);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    public List<LiveSession> list() {
        return List.copyOf(sessions.values());
    }

    /** The live session {@code id} on this broker, if any. */
    public Optional<LiveSession> find(UUID id) {
        return Optional.ofNullable(sessions.get(id));
    }

    void onAccessChange(@Observes AccessChange change) {
        if (ENDING.contains(change.current())) {
            cutGrant(change.requestId(), "The grant was " + change.current().name().toLowerCase() + ".");
        }
    }

    /** Signals may have been missed while disconnected: the database decides which sessions may go on. */
    void onResync(@Observes ClusterSignalsResynced resynced) {
        sessions.values().stream().filter(session -> !grants.isActive(session.grantId(), clock.instant()))
                .forEach(session -> cutLater(session, "The grant is no longer active."));
    }

    private void cutGrant(long grantId, String message) {
        sessions.values().stream().filter(session -> session.grantId() == grantId)
                .forEach(session -> cutLater(session, message));
    }

    /**
     * Why on a thread of its own: access changes arrive while the changing transaction completes, where no
     * new transaction (the session's audit events) may start, and cutting must not hold up the signal.
     */
    static void cutLater(LiveSession session, String message) {
        Thread.ofVirtual().name("otbroker-cut-" + session.id()).start(() -> session.cutter().cut(message));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
