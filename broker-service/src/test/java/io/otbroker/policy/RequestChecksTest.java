package io.otbroker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.asset.Asset;
import io.otbroker.asset.AssetEndpoint;
import io.otbroker.asset.Protocol;
import io.otbroker.web.Problem.FieldError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on its own, on plant objects built in memory. */
class RequestChecksTest {

    // Wednesday 2025-06-04, 10:00 in Berlin.
    private static final Instant TEN_BERLIN = Instant.parse("2025-06-04T08:00:00Z");

    @Test
    void reasonIsRequiredAndBoundedInBytes() {
        Conduit conduit = conduit(SecurityLevel.SL2);
        assertRefused(RequestChecks.REASON, ask(conduit, " ", null), conduit, "reason", "must say why access is needed");
        assertRefused(RequestChecks.REASON, ask(conduit, null, null), conduit, "reason", "must say why access is needed");
        // 2049 two-byte characters: short in characters, too long in bytes.
        assertRefused(RequestChecks.REASON, ask(conduit, "ü".repeat(2049), null), conduit, "reason",
                "must be at most 4096 bytes (UTF-8)");
        assertPasses(RequestChecks.REASON, ask(conduit, "ü".repeat(2048), null), conduit);
    }

    @Test
    void workOrderIsRequiredFromSl3() {
        Conduit sl2 = conduit(SecurityLevel.SL2);
        assertPasses(RequestChecks.WORK_ORDER, ask(sl2, "reason", null), sl2);
        for (SecurityLevel level : List.of(SecurityLevel.SL3, SecurityLevel.SL4)) {
            Conduit conduit = conduit(level);
            assertRefused(RequestChecks.WORK_ORDER, ask(conduit, "reason", " "), conduit, "workOrder",
                    "is required for access to " + level + " zones");
            assertPasses(RequestChecks.WORK_ORDER, ask(conduit, "reason", "WO-1"), conduit);
        }
        assertRefused(RequestChecks.WORK_ORDER, ask(sl2, "reason", "W".repeat(101)), sl2, "workOrder",
                "must be at most 100 characters");
    }

    @Test
    void protocolsNeedAnEndpointAndTheConduit() {
        Conduit conduit = conduit(SecurityLevel.SL2);
        AccessAsk rdpAndVnc = new AccessAsk(Set.of("acme"), assetIn(conduit), Set.of(Protocol.RDP, Protocol.VNC),
                TEN_BERLIN, TEN_BERLIN.plusSeconds(3600), "duration", "reason", null);
        assertRefused(RequestChecks.PROTOCOLS_ON_ASSET, rdpAndVnc, conduit, "protocols",
                "the asset has no endpoint for VNC");
        assertRefused(RequestChecks.PROTOCOLS_THROUGH_CONDUIT, rdpAndVnc, conduit, "protocols",
                "conduit 'night shift' does not allow RDP, VNC");
        assertPasses(RequestChecks.PROTOCOLS_THROUGH_CONDUIT, ask(conduit, "reason", null), conduit);
    }

    @Test
    void theShorterOfConduitAndLevelLimitsTheWindow() {
        Conduit conduit = conduit(SecurityLevel.SL3);
        conduit.longestGrantSeconds = Duration.ofHours(3).toSeconds();
        assertEquals(Duration.ofHours(2), RequestChecks.longestGrant(conduit), "SL3 allows two hours at most");
        assertRefused(RequestChecks.LONGEST_GRANT, window(conduit, TEN_BERLIN, Duration.ofMinutes(121)), conduit,
                "duration", "must not make the window longer than PT2H, the longest grant through conduit "
                        + "'night shift' into this SL3 zone");
        conduit.longestGrantSeconds = Duration.ofMinutes(30).toSeconds();
        assertRefused(RequestChecks.LONGEST_GRANT, window(conduit, TEN_BERLIN, Duration.ofMinutes(31)), conduit,
                "duration", "must not make the window longer than PT30M, the longest grant through conduit "
                        + "'night shift' into this SL3 zone");
        assertPasses(RequestChecks.LONGEST_GRANT, window(conduit, TEN_BERLIN, Duration.ofMinutes(30)), conduit);
    }

    @Test
    void theWholeWindowMustLieInsideTheMaintenanceWindows() {
        Conduit conduit = conduit(SecurityLevel.SL2);
        assertPasses(RequestChecks.MAINTENANCE_WINDOWS, window(conduit, TEN_BERLIN, Duration.ofHours(2)), conduit);
        assertRefused(RequestChecks.MAINTENANCE_WINDOWS, window(conduit, TEN_BERLIN.minusSeconds(3 * 3600),
                Duration.ofHours(1)), conduit, "start", "must lie inside a maintenance window of conduit "
                + "'night shift' (local time Europe/Berlin)");
        assertRefused(RequestChecks.MAINTENANCE_WINDOWS, window(conduit, TEN_BERLIN, Duration.ofMinutes(121)), conduit,
                "duration", "must not make the window outlast the maintenance window of conduit 'night shift' "
                        + "(local time Europe/Berlin)");
    }

    /** A conduit into a zone with one asset speaking SSH and RDP, open on Wednesdays 08:00-12:00 in Berlin. */
    private static Conduit conduit(SecurityLevel level) {
        Zone zone = new Zone();
        zone.name = "zone";
        zone.securityLevel = level;
        Conduit conduit = new Conduit();
        conduit.name = "night shift";
        conduit.zone = zone;
        conduit.allowedProtocols.add(Protocol.SSH);
        conduit.timeZone = "Europe/Berlin";
        conduit.maintenanceWindows.add(new MaintenanceWindow(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0),
                LocalTime.of(12, 0)));
        conduit.longestGrantSeconds = level.longestGrant().toSeconds();
        conduit.vendorOrganisations.add("acme");
        return conduit;
    }

    private static Asset assetIn(Conduit conduit) {
        Asset asset = new Asset();
        asset.zone = conduit.zone;
        asset.endpoints.add(new AssetEndpoint(Protocol.SSH, "10.0.0.1", 22));
        asset.endpoints.add(new AssetEndpoint(Protocol.RDP, "10.0.0.1", 3389));
        return asset;
    }

    private static AccessAsk ask(Conduit conduit, String reason, String workOrder) {
        return new AccessAsk(Set.of("acme"), assetIn(conduit), Set.of(Protocol.SSH), TEN_BERLIN,
                TEN_BERLIN.plusSeconds(3600), "duration", reason, workOrder);
    }

    private static AccessAsk window(Conduit conduit, Instant start, Duration length) {
        return new AccessAsk(Set.of("acme"), assetIn(conduit), Set.of(Protocol.SSH), start, start.plus(length),
                "duration", "reason", "WO-1");
    }

    private static void assertRefused(RequestCheck check, AccessAsk ask, Conduit conduit, String field,
            String message) {
        assertEquals(Optional.of(new FieldError(field, message)), check.refusal(ask, conduit));
    }

    private static void assertPasses(RequestCheck check, AccessAsk ask, Conduit conduit) {
        assertTrue(check.refusal(ask, conduit).isEmpty());
    }
}
