package io.otbroker.access.signal;

import io.agroal.api.AgroalDataSource;
import io.otbroker.access.AccessChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Carries {@link AccessChange}s between brokers through PostgreSQL {@code NOTIFY} on channel
 * {@value #CHANNEL}. The notification is queued on the connection of the transaction that makes the
 * change, so PostgreSQL delivers it to every listening broker when that transaction commits, and never
 * when it rolls back. Enabled when the datasource is PostgreSQL; H2 is a single embedded broker.
 *
 * <p>PostgreSQL folds identical notifications of one transaction into one: publishing the very same change
 * twice in a transaction delivers it once.
 */
@ApplicationScoped
public class PgNotifyTransport {

    /** The PostgreSQL channel of access signals. */
    public static final String CHANNEL = "otbroker_access";
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int PAYLOAD_LIMIT = 7999;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessChangeCodec codec;

    private volatile Boolean enabled;

    /** Whether the datasource is PostgreSQL, asked once of the database itself. */
    public boolean enabled() {
        Boolean known = enabled;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not tell which database the broker uses", e);
            }
            enabled = known;
        }
        return known;
    }

    /**
     * Queues {@code change} for every broker; joins the caller's transaction.
     *
     * @throws IllegalStateException when the notification cannot be queued; the caller's transaction then
     *                               fails too, rather than commit a change that no broker hears of
     */
    public void send(AccessChange change) {
        String payload = codec.encode(change);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PAYLOAD_LIMIT) {
            throw new IllegalStateException("Access signal of " + bytes + " bytes exceeds the NOTIFY limit of "
                    + PAYLOAD_LIMIT + " (request " + change.requestId() + ")");
        }
        // Agroal hands out the connection already enlisted in the caller's transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue the access signal of request " + change.requestId(), e);
        }
    }
}
