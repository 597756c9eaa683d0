package io.otbroker.access;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.otbroker.testsupport.PlantFixtures.unique;

import io.otbroker.testsupport.PlantFixtures;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plants and requests for access tests, made through the API. Every plant is new, so tests do not meet. */
public final class AccessFixtures {

    public static final String REQUESTS = "/api/access-requests";
    public static final String ACME = "acme-automation";

    /** A zone with one asset (SSH and RDP endpoints) and a conduit into it allowing SSH and VNC. */
    public record Plant(long zoneId, long assetId, String assetName, long conduitId) {}

    private AccessFixtures() {}

    /** A plant at {@code level} whose conduit admits Acme Automation (alice, mallory) around the clock. */
    public static Plant plant(String level) {
        return plant(level, ACME);
    }

    public static Plant plant(String level, String... organisations) {
        long zone = PlantFixtures.createZone(level);
        Map<String, Object> asset = PlantFixtures.assetBody(unique("asset"), zone);
        asset.put("endpoints", List.of(Map.of("protocol", "SSH", "host", "10.20.0.7", "port", 22),
                Map.of("protocol", "RDP", "host", "10.20.0.7", "port", 3389)));
        long assetId = PlantFixtures.create("/api/admin/assets", asset);
        long conduit = PlantFixtures.create("/api/admin/conduits", openAroundTheClock(zone, organisations));
        return new Plant(zone, assetId, (String) asset.get("name"), conduit);
    }

    /** A conduit body with a whole-day window on every day (back to back: always open), in UTC. */
    public static Map<String, Object> openAroundTheClock(long zone, String... organisations) {
        Map<String, Object> body = PlantFixtures.conduitBody(unique("conduit"), zone);
        body.put("allowedProtocols", List.of("SSH", "VNC"));
        body.put("timeZone", "UTC");
        body.put("maintenanceWindows", Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("dayOfWeek", day.name(), "start", "00:00", "end", "00:00")).toList());
        body.put("vendorOrganisations", List.of(organisations));
        return body;
    }

    /** One hour of SSH from now, with reason and work order. */
    public static Map<String, Object> requestBody(Plant plant) {
        return new HashMap<>(Map.of("assetName", plant.assetName(), "protocols", List.of("SSH"),
                "duration", "PT1H", "reason", "Replace the firmware of the drive controller", "workOrder", "WO-4711"));
    }

    /** Creates a request as {@code vendor} and returns its id. */
    public static long request(String vendor, Map<String, Object> body) {
        return as(vendor).body(body).post(REQUESTS).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long request(String vendor, Plant plant) {
        return request(vendor, requestBody(plant));
    }

    public static String path(long id, String action) {
        return REQUESTS + "/" + id + "/" + action;
    }
}
