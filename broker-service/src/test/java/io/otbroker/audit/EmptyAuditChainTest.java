package io.otbroker.audit;

import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the audit tests that use the database: each test starts from an empty chain and leaves
 * one behind, so tests that tamper with rows cannot affect any other test, whatever the order.
 */
abstract class EmptyAuditChainTest {

    @Inject
    AuditLog auditLog;

    @Inject
    AuditTables tables;

    @BeforeEach
    void startFromEmptyChain() throws SQLException {
        tables.reset();
    }

    @AfterEach
    void leaveEmptyChain() throws SQLException {
        tables.reset();
    }
}
