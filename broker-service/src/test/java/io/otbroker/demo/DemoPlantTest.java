package io.otbroker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.otbroker.asset.Asset;
import io.otbroker.audit.AuditEvent;
import io.otbroker.policy.Conduit;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.policy.Zone;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo plant seeds once into an empty plant model, valid for every security level. */
@QuarkusTest
class DemoPlantTest {

    @Inject
    DemoPlant demoPlant;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void emptyPlant() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("asset_credential", "asset_endpoint", "asset", "conduit_protocol",
                    "conduit_window", "conduit_vendor_org", "conduit", "zone")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Test
    void seedsOneZonePerSecurityLevelWithAssetsAndConduits() {
        assertTrue(demoPlant.seedIfEmpty());
        QuarkusTransaction.requiringNew().run(() -> {
            List<Zone> zones = Zone.listAll();
            assertEquals(List.of(SecurityLevel.values()), zones.stream().map(z -> z.securityLevel).sorted().toList());
            for (Zone zone : zones) {
                assertFalse(Conduit.listInZone(zone).isEmpty(), "a conduit into " + zone.name);
                assertTrue(Asset.count("zone", zone) > 0, "assets in " + zone.name);
                Set<String> expected = zone.securityLevel.compareTo(SecurityLevel.SL2) <= 0
                        ? Set.of("acme-automation", "voltek-controls") : Set.of("acme-automation");
                Conduit.listInZone(zone).forEach(conduit -> assertEquals(expected, conduit.vendorOrganisations,
                        "vendors admitted into " + zone.name));
            }
            long audited = AuditEvent.count("actor = ?1 and eventName in ?2", "system",
                    List.of("zone.create", "asset.create", "conduit.create"));
            assertEquals(Zone.count() + Asset.count() + Conduit.count(), audited, "every seeded row is audited");
        });
    }

    @Test
    void leavesAnExistingPlantAlone() {
        assertTrue(demoPlant.seedIfEmpty());
        long zones = QuarkusTransaction.requiringNew().call(() -> Zone.count());
        assertFalse(demoPlant.seedIfEmpty(), "a restart keeps what is there");
        long zonesAfter = QuarkusTransaction.requiringNew().call(() -> Zone.count());
        assertEquals(zones, zonesAfter);
    }
}
