package io.otbroker.access.signal;

import io.otbroker.access.AccessChange;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the access signals of every broker on PostgreSQL and fires each as a local CDI event
 * ({@code @Observes AccessChange}), this broker's own changes included: one delivery path for all.
 *
 * <p>One dedicated connection (not from the pool: it is held for the life of the broker) runs
 * {@code LISTEN} {@value PgNotifyTransport#CHANNEL} on a daemon thread. PostgreSQL delivers a
 * notification at most once, and only to sessions listening when it commits. When the connection drops,
 * the listener reconnects with a growing pause and then fires {@link ClusterSignalsResynced}: changes
 * committed in between were missed, and observers must re-read the database.
 *
 * <p>Why observers must treat a signal as a reason to look, not as proof: any session holding the
 * database credentials can {@code NOTIFY} this channel. The database stays the authority on grants.
 */
@ApplicationScoped
public class ClusterSignalListener {

    /** The PostgreSQL {@code application_name} of the listening connection, for operators and tests. */
    public static final String APPLICATION_NAME = "otbroker-cluster-signals";

    private static final Logger LOG = Logger.getLogger(ClusterSignalListener.class);
    private static final int POLL_MILLIS = 1000;
    private static final long LIVENESS_CHECK_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int LIVENESS_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    @Inject
    PgNotifyTransport transport;

    @Inject
    AccessChangeCodec codec;

    @Inject
    Event<AccessChange> changes;

    @Inject
    Event<ClusterSignalsResynced> resynced;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    /** Whether this broker hears the signals of the cluster right now (always false on H2). */
    public boolean listening() {
        return listening;
    }

    /** Starts listening; waits briefly so that a started broker already hears its first changes. */
    void start(@Observes StartupEvent event) throws InterruptedException {
        if (!transport.enabled()) {
            LOG.info("Access signals stay inside this broker: the embedded database serves a single broker");
            return;
        }
        running = true;
        thread = new Thread(this::listenUntilStopped, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
        if (!firstAttempt.await(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Not yet listening for access signals; still trying in the background");
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2 * POLL_MILLIS);
        }
    }

    private void listenUntilStopped() {
        Duration pause = FIRST_RETRY;
        boolean missedSignals = false;
        while (running) {
            try (Connection connection = openConnection()) {
                listen(connection);
                // LISTEN first, then re-read: a change committed during the re-read is still heard.
                if (missedSignals) {
                    announceResync();
                    missedSignals = false;
                }
                listening = true;
                firstAttempt.countDown();
                LOG.infof("Listening for access signals on PostgreSQL channel %s", PgNotifyTransport.CHANNEL);
                pause = FIRST_RETRY;
                receiveUntilBroken(connection);
            } catch (SQLException | RuntimeException e) {
                // Why RuntimeException too: whatever breaks the loop must not leave the broker "ready"
                // while it no longer hears revocations; it reconnects and resyncs like after a lost link.
                listening = false;
                firstAttempt.countDown();
                if (running) {
                    missedSignals = true;
                    LOG.warnf("No access signals from PostgreSQL (%s); connecting again in %d s",
                            e.getClass().getSimpleName(), pause.toSeconds());
                    pause = sleep(pause);
                }
            }
        }
        listening = false;
    }

    private Connection openConnection() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "10");
        Connection connection = new Driver().connect(url.orElseThrow(
                () -> new SQLException("quarkus.datasource.jdbc.url is not set")), properties);
        if (connection == null) {
            throw new SQLException("quarkus.datasource.jdbc.url is not a PostgreSQL URL");
        }
        return connection;
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + PgNotifyTransport.CHANNEL);
        }
    }

    /** Why: listening resumed after a gap; whatever changed in the gap must be re-read, not assumed. */
    private void announceResync() {
        LOG.info("Access signals may have been missed while disconnected; firing ClusterSignalsResynced so that "
                + "observers re-read the database");
        try {
            resynced.fire(new ClusterSignalsResynced(clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("An observer of ClusterSignalsResynced failed", e);
        }
    }

    /** Delivers notifications until the connection fails or the broker stops. */
    private void receiveUntilBroken(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    deliver(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > LIVENESS_CHECK_NANOS) {
                // A silently dropped network path never raises an error on a read that times out.
                if (!connection.isValid(LIVENESS_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        Optional<AccessChange> decoded = codec.decode(payload);
        if (decoded.isEmpty()) {
            // The payload is not logged: it came from outside this broker and may be anything.
            LOG.warnf("Ignored a malformed access signal of %d characters", payload.length());
            return;
        }
        AccessChange change = decoded.get();
        LOG.debugf("Access signal: request %d %s -> %s from broker %s", change.requestId(), change.previous(),
                change.current(), change.broker());
        try {
            changes.fire(change);
        } catch (RuntimeException e) {
            LOG.errorf(e, "An observer of access signals failed on request %d", change.requestId());
        }
    }

    private Duration sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = pause.multipliedBy(2);
        return next.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : next;
    }
}
