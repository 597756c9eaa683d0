package io.otbroker.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.otbroker.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The suite really runs on the database its test profile names: a silent fallback to H2 fails here. */
@QuarkusTest
class LiveDatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBrokerTalksToTheDatabaseOfTheTestProfile() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            assertEquals(PostgresResource.active() ? "PostgreSQL" : "H2", database.getDatabaseProductName());
            assertEquals("otbroker", database.getUserName().toLowerCase(Locale.ROOT));
        }
    }
}
