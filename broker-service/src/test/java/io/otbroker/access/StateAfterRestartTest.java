package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.REQUESTS;
import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.otbroker.access.AccessFixtures.Plant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * State lives in the database: rows written by a broker that has since stopped (inserted here with
 * plain SQL) are read in the state the clock says, and the scheduler catches up on them.
 */
@QuarkusTest
class StateAfterRestartTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GrantScheduler scheduler;

    @Inject
    RecordedAccessChanges changes;

    @Test
    void storedRowsAreReadInTheStateTheClockSays() throws SQLException, InterruptedException {
        Plant plant = plant("SL2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long endedWhileDown = insert(plant, "ACTIVE", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));
        long startedWhileDown = insert(plant, "APPROVED", now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(50)));
        long neverActivated = insert(plant, "APPROVED", now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(4)));
        long stillAhead = insert(plant, "APPROVED", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));

        assertState(endedWhileDown, "EXPIRED");
        assertState(startedWhileDown, "ACTIVE");
        assertState(neverActivated, "EXPIRED");
        assertState(stillAhead, "APPROVED");

        scheduler.applyDueTransitions();
        assertEquals(AccessState.ACTIVE, changes.await(endedWhileDown, AccessState.EXPIRED).previous());
        assertEquals(AccessState.APPROVED, changes.await(startedWhileDown, AccessState.ACTIVE).previous());
        assertEquals(AccessState.APPROVED, changes.await(neverActivated, AccessState.EXPIRED).previous());
        assertEquals("ACTIVE", storedState(startedWhileDown));
        assertEquals("EXPIRED", storedState(endedWhileDown));
        assertEquals("APPROVED", storedState(stillAhead));
        assertEquals(0, changes.of(stillAhead).size());
    }

    private void assertState(long id, String state) {
        as("oscar").get(REQUESTS + "/" + id).then().statusCode(200).body("state", equalTo(state));
    }

    /** A granted request as a broker would have stored it. */
    private long insert(Plant plant, String state, Instant grantStart, Instant grantEnd) throws SQLException {
        String sql = "insert into access_request (vendor, vendor_organisation, asset_id, requested_start, requested_end, "
                + "reason, approvals_needed, state, state_changed_by, state_changed_at, created_at, pending_until, "
                + "grant_start, grant_end) values ('alice', 'acme-automation', ?, ?, ?, 'stored before a restart', 1, "
                + "?, 'oscar', ?, ?, ?, ?, ?)";
        Instant created = grantStart.minus(Duration.ofHours(1));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.setLong(1, plant.assetId());
            insert.setObject(2, utc(grantStart));
            insert.setObject(3, utc(grantEnd));
            insert.setString(4, state);
            insert.setObject(5, utc(created));
            insert.setObject(6, utc(created));
            insert.setObject(7, utc(created.plus(Duration.ofHours(24))));
            insert.setObject(8, utc(grantStart));
            insert.setObject(9, utc(grantEnd));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                try (PreparedStatement protocol = connection.prepareStatement(
                        "insert into access_request_protocol (request_id, protocol) values (?, 'SSH')")) {
                    protocol.setLong(1, id);
                    protocol.executeUpdate();
                }
                return id;
            }
        }
    }

    private String storedState(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select state from access_request where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
