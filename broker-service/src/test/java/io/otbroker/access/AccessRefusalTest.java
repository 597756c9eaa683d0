package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.REQUESTS;
import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.access.AccessFixtures.request;
import static io.otbroker.access.AccessFixtures.requestBody;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.AccessFixtures.Plant;
import io.otbroker.testsupport.PlantFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a request is refused, each with the field named, and each refusal audited. */
@QuarkusTest
class AccessRefusalTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownAndInvisibleAssetsLookTheSame() {
        Plant voltekOnly = plant("SL2", "voltek-controls");
        Map<String, Object> unknown = requestBody(voltekOnly);
        unknown.put("assetName", "no-such-asset-anywhere");
        String unknownAnswer = post("alice", unknown).statusCode(404).contentType(PROBLEM).extract().asString();
        String invisibleAnswer = post("alice", requestBody(voltekOnly)).statusCode(404).extract().asString();

        assertEquals(unknownAnswer, invisibleAnswer, "the answer must not reveal that the asset exists");
        Map<String, Object> byId = requestBody(voltekOnly);
        byId.remove("assetName");
        byId.put("assetId", voltekOnly.assetId());
        assertEquals(unknownAnswer, post("alice", byId).statusCode(404).extract().asString());
        request("victor", voltekOnly);
        assertRefusalAudited("asset/" + voltekOnly.assetId(), "alice", 404);
    }

    @Test
    void aConduitWithoutOrganisationsAdmitsNoVendor() {
        Plant nobody = plant("SL1", new String[0]);
        post("alice", requestBody(nobody)).statusCode(404);
        post("victor", requestBody(nobody)).statusCode(404);
    }

    @Test
    void protocolsMustPassTheConduitAndExistOnTheAsset() {
        Plant plant = plant("SL2");
        assertRefused(with(plant, "protocols", List.of("RDP")), "protocols", startsWith("conduit '"));
        assertRefused(with(plant, "protocols", List.of("VNC")), "protocols",
                equalTo("the asset has no endpoint for VNC"));
        assertRefused(with(plant, "protocols", List.of()), "protocols",
                equalTo("must name at least one of SSH, RDP, VNC"));
        assertRefused(with(plant, "protocols", List.of("TELNET")), "protocols[0]",
                equalTo("must be one of SSH, RDP, VNC"));
        assertRefusalAudited("asset/" + plant.assetId(), "alice", 400);
    }

    @Test
    void windowMayNotExceedTheLongestGrant() {
        Plant sl4 = plant("SL4");
        assertRefused(with(sl4, "duration", "PT61M"), "duration", startsWith("must not make the window longer than "
                + "PT1H, the longest grant through conduit"));
        Instant start = Instant.now().plusSeconds(60);
        Map<String, Object> byEnd = with(sl4, "start", start.toString());
        byEnd.remove("duration");
        byEnd.put("end", start.plusSeconds(3601).toString());
        assertRefused(byEnd, "end", startsWith("must not make the window longer than PT1H"));

        long zone = PlantFixtures.createZone("SL2");
        Map<String, Object> shortConduit = AccessFixtures.openAroundTheClock(zone, AccessFixtures.ACME);
        shortConduit.put("longestGrant", "PT15M");
        PlantFixtures.create("/api/admin/conduits", shortConduit);
        String asset = PlantFixtures.unique("asset");
        PlantFixtures.create("/api/admin/assets", PlantFixtures.assetBody(asset, zone));
        Map<String, Object> body = Map.of("assetName", asset, "protocols", List.of("SSH"), "duration", "PT16M",
                "reason", "Check the alarm log");
        assertRefused(body, "duration", startsWith("must not make the window longer than PT15M"));
    }

    @Test
    void windowMustLieInsideTheMaintenanceWindows() {
        long zone = PlantFixtures.createZone("SL2");
        Map<String, Object> conduit = PlantFixtures.conduitBody(PlantFixtures.unique("conduit"), zone);
        conduit.put("timeZone", "Europe/Berlin");
        conduit.put("maintenanceWindows", List.of(Map.of("dayOfWeek", "SATURDAY", "start", "22:00", "end", "02:00")));
        conduit.put("vendorOrganisations", List.of(AccessFixtures.ACME));
        PlantFixtures.create("/api/admin/conduits", conduit);
        String asset = PlantFixtures.unique("asset");
        PlantFixtures.create("/api/admin/assets", PlantFixtures.assetBody(asset, zone));
        LocalDateTime saturday = LocalDateTime.now(ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).withHour(23).withMinute(0).withSecond(0).withNano(0);
        Instant elevenPmBerlin = saturday.atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();

        Map<String, Object> inside = Map.of("assetName", asset, "protocols", List.of("SSH"),
                "start", elevenPmBerlin.toString(), "duration", "PT3H", "reason", "Night work across midnight");
        post("alice", inside).statusCode(201);
        Map<String, Object> outlasting = Map.of("assetName", asset, "protocols", List.of("SSH"),
                "start", elevenPmBerlin.plusSeconds(24 * 3600 * 7).toString(), "duration", "PT3H1M",
                "reason", "Night work");
        assertRefused(outlasting, "duration", startsWith("must not make the window outlast the maintenance window"));
        Map<String, Object> outside = Map.of("assetName", asset, "protocols", List.of("SSH"),
                "start", elevenPmBerlin.minusSeconds(7200).toString(), "duration", "PT1H", "reason", "Evening work");
        assertRefused(outside, "start", equalTo("must lie inside a maintenance window of conduit '"
                + conduit.get("name") + "' (local time Europe/Berlin)"));
    }

    @Test
    void workOrderIsRequiredInSl3AndSl4() {
        for (String level : List.of("SL3", "SL4")) {
            Plant plant = plant(level);
            Map<String, Object> body = requestBody(plant);
            body.remove("workOrder");
            assertRefused(body, "workOrder", equalTo("is required for access to " + level + " zones"));
        }
        Map<String, Object> sl2 = requestBody(plant("SL2"));
        sl2.remove("workOrder");
        post("alice", sl2).statusCode(201);
    }

    @Test
    void reasonIsRequiredAndAtMost4KiB() {
        Plant plant = plant("SL2");
        assertRefused(with(plant, "reason", "  "), "reason", equalTo("must say why access is needed"));
        Map<String, Object> none = requestBody(plant);
        none.remove("reason");
        assertRefused(none, "reason", equalTo("must say why access is needed"));
        // 1366 three-byte characters: 4098 bytes, although only 1366 characters.
        assertRefused(with(plant, "reason", "\u20ac".repeat(1366)), "reason",
                equalTo("must be at most 4096 bytes (UTF-8)"));
        post("alice", with(plant, "reason", "\u20ac".repeat(1365) + "a")).statusCode(201);
    }

    @Test
    void windowAndAssetMustBeWellFormed() {
        Plant plant = plant("SL2");
        assertRefused(with(plant, "start", Instant.now().minusSeconds(600).toString()), "start",
                equalTo("must not be in the past"));
        assertRefused(with(plant, "start", "tomorrow"), "start",
                equalTo("must be an ISO-8601 instant such as 2025-01-31T08:00:00Z"));
        assertRefused(with(plant, "end", Instant.now().plusSeconds(600).toString()), "duration",
                equalTo("must be left out when end is given"));
        assertRefused(with(plant, "duration", "PT0S"), "duration", equalTo("must be positive"));
        assertRefused(with(plant, "duration", "two hours"), "duration",
                equalTo("must be an ISO-8601 duration such as PT2H or PT30M"));
        Map<String, Object> endBeforeStart = requestBody(plant);
        endBeforeStart.remove("duration");
        endBeforeStart.put("end", Instant.now().minusSeconds(1).toString());
        assertRefused(endBeforeStart, "end", equalTo("must be after the start"));
        Map<String, Object> noLength = requestBody(plant);
        noLength.remove("duration");
        assertRefused(noLength, "end", equalTo("is required unless duration is given"));
        assertRefused(with(plant, "assetId", plant.assetId()), "assetId",
                equalTo("must be left out when assetName is given"));
        Map<String, Object> noAsset = requestBody(plant);
        noAsset.remove("assetName");
        assertRefused(noAsset, "assetName", equalTo("is required unless assetId is given"));
    }

    @Test
    void windowsAreBoundedBeforeAnyPolicyWorkIsDone() {
        Plant plant = plant("SL1");
        // Why: an unbounded window would make the maintenance-window check walk millions of years.
        assertRefused(with(plant, "duration", "PT8000000000000H"), "duration",
                equalTo("must be at most PT8H, the longest grant of any zone"));
        Map<String, Object> farEnd = requestBody(plant);
        farEnd.remove("duration");
        farEnd.put("end", "+1000000000-01-01T00:00:00Z");
        assertRefused(farEnd, "end", startsWith("must be at most PT8H after the start"));
        assertRefused(with(plant, "start", Instant.now().plus(java.time.Duration.ofDays(91)).toString()), "start",
                equalTo("must be at most 90 days ahead"));
        assertRefused(with(plant, "assetName", "x".repeat(64)), "assetName",
                equalTo("must be at most 63 characters"));
    }

    @Test
    void anOverlappingOpenRequestOfTheSameVendorIsAConflict() {
        Plant plant = plant("SL2", AccessFixtures.ACME, "voltek-controls");
        long first = request("alice", plant);

        post("alice", requestBody(plant)).statusCode(409).contentType(PROBLEM)
                .body("detail", startsWith("You already have access request " + first + " for this asset"));
        request("victor", plant);
        Map<String, Object> afterwards = with(plant, "start", Instant.now().plusSeconds(3700).toString());
        post("alice", afterwards).statusCode(201);
        assertRefusalAudited("asset/" + plant.assetId(), "alice", 409);
    }

    private static ValidatableResponse post(String user, Map<String, Object> body) {
        return as(user).body(body).post(REQUESTS).then();
    }

    private static Map<String, Object> with(Plant plant, String field, Object value) {
        Map<String, Object> body = requestBody(plant);
        body.put(field, value);
        return body;
    }

    private static void assertRefused(Map<String, Object> body, String field, org.hamcrest.Matcher<?> message) {
        post("alice", body).statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == '" + field + "' }.message", message);
    }

    private static void assertRefusalAudited(String subject, String actor, int status) {
        List<AuditTrail.Entry> refusals = AuditTrail.of(subject, "access.refuse");
        assertTrue(refusals.stream().anyMatch(entry -> entry.actor().equals(actor) && entry.code().equals("OTB2008W")
                && entry.details().contains("\"status\":" + status)), refusals.toString());
    }
}
