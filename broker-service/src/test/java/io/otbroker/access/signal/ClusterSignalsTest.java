package io.otbroker.access.signal;

import static io.otbroker.testsupport.AccessChanges.publishCommitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.AccessChange;
import io.otbroker.access.AccessSignals;
import io.otbroker.access.AccessState;
import io.otbroker.access.BrokerInstance;
import io.otbroker.testsupport.AccessChanges;
import io.otbroker.testsupport.HeardSignals;
import io.otbroker.testsupport.HeardSignals.Heard;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * Access signals reach observers once, after the commit, through the transport of the database: on
 * PostgreSQL through NOTIFY and the listening connection (also for signals of other brokers, and again after
 * the connection drops), on H2 locally on the committing thread.
 */
@QuarkusTest
class ClusterSignalsTest {

    @Inject
    AccessSignals signals;

    @Inject
    HeardSignals heard;

    @Inject
    BrokerInstance broker;

    @Inject
    PgNotifyTransport transport;

    @Inject
    ClusterSignalListener listener;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void aCommittedChangeIsDeliveredOnceThroughTheTransportOfTheDatabase() {
        AccessChange change = AccessChanges.created(broker.id());
        publishCommitted(change);
        Heard first = heard.await(change.requestId());

        assertEquals(change, first.change());
        if (PostgresResource.active()) {
            assertEquals(ClusterSignalListener.APPLICATION_NAME, first.thread(), "delivered through LISTEN");
        } else {
            assertEquals(Thread.currentThread().getName(), first.thread(), "fired after the commit, locally");
        }
        AccessChange later = AccessChanges.approved(broker.id());
        publishCommitted(later);
        heard.await(later.requestId());
        assertEquals(1, heard.of(change.requestId()).size());
    }

    @Test
    void aRolledBackChangeIsNeverDelivered() {
        AccessChange rolledBack = AccessChanges.created(broker.id());
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            signals.publish(rolledBack);
            throw new IllegalStateException("the change fails after it was published");
        }));
        // Signals arrive in commit order: once a later commit is heard, the rolled-back change would have been.
        AccessChange committed = AccessChanges.created(broker.id());
        publishCommitted(committed);
        heard.await(committed.requestId());
        assertTrue(heard.of(rolledBack.requestId()).isEmpty());
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        AccessChange change = AccessChanges.created(broker.id());
        assertThrows(IllegalStateException.class, () -> signals.publish(change));
    }

    @Test
    void aSignalTooLargeForNotifyIsRefusedBeforeItIsSent() {
        AccessChange oversized = new AccessChange(1, 7, "v".repeat(8000), null, AccessState.PENDING, Instant.now(),
                "alice", broker.id());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> transport.send(oversized));
        assertTrue(refused.getMessage().contains("exceeds the NOTIFY limit"), refused.getMessage());
    }

    @Test
    void aChangeNotifiedByAnotherBrokerIsFiredHereAndGarbageIsIgnored() throws SQLException {
        if (!PostgresResource.active()) {
            // H2 is one embedded broker: no other broker can signal, so nothing listens.
            assertFalse(transport.enabled());
            assertFalse(listener.listening());
            return;
        }
        assertTrue(listener.listening());
        long requestId = AccessChanges.created("unused").requestId();
        try (Connection otherBroker = connectAsAnotherBroker()) {
            notify(otherBroker, "not json at all");
            notify(otherBroker, """
                    {"requestId":%d,"assetId":7,"vendor":"victor","previous":"PENDING","current":"APPROVED",\
                    "at":"2026-03-02T08:15:00Z","actor":"olivia","broker":"broker-b"}""".formatted(requestId));
        }
        Heard remote = heard.await(requestId);
        assertEquals(new AccessChange(requestId, 7, "victor", AccessState.PENDING, AccessState.APPROVED,
                Instant.parse("2026-03-02T08:15:00Z"), "olivia", "broker-b"), remote.change());
        assertEquals(ClusterSignalListener.APPLICATION_NAME, remote.thread());
    }

    @Test
    void aBrokerWhoseConnectionDropsListensAgainAndAnnouncesAResync() throws SQLException {
        if (!PostgresResource.active()) {
            // H2: signals never leave the process, so there is no connection to lose and nothing to resync.
            assertFalse(transport.enabled());
            assertEquals(0, heard.resyncCount());
            return;
        }
        int resyncsBefore = heard.resyncCount();
        try (Connection admin = connectAsAnotherBroker(); PreparedStatement terminate = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            terminate.setString(1, ClusterSignalListener.APPLICATION_NAME);
            try (ResultSet terminated = terminate.executeQuery()) {
                assertTrue(terminated.next() && terminated.getBoolean(1), "the listening connection was found");
            }
        }
        Poll.until(() -> Optional.of(heard.resyncCount()).filter(count -> count > resyncsBefore), "a resync");
        assertTrue(listener.listening());
        AccessChange afterwards = AccessChanges.created(broker.id());
        publishCommitted(afterwards);
        assertEquals(afterwards, heard.await(afterwards.requestId()).change());
    }

    private Connection connectAsAnotherBroker() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        password.ifPresent(secret -> properties.setProperty("password", secret));
        return new Driver().connect(url, properties);
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('otbroker_access', ?)")) {
            notify.setString(1, payload);
            notify.execute();
        }
    }
}
