package io.otbroker.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Direct JDBC access to the audit tables, bypassing the application, as someone with database
 * access would: to tamper with rows, and to start each test from an empty chain.
 */
@ApplicationScoped
class AuditTables {

    @Inject
    AgroalDataSource dataSource;

    /** Empties the log and resets the head, so tests do not depend on each other's events. */
    void reset() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_event");
            statement.executeUpdate("UPDATE audit_chain_head SET last_seq = 0, last_hash = '"
                    + AuditCanonicalForm.GENESIS_HASH + "'");
        }
    }

    /** Runs an UPDATE or DELETE with positional parameters; returns the number of rows changed. */
    int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** The single number a query returns, e.g. a count. */
    long number(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
