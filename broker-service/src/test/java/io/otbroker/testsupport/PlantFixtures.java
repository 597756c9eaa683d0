package io.otbroker.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds plant model rows through the admin API as {@code adam}. Tests share one database per test
 * JVM, so every name is made unique.
 */
public final class PlantFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PlantFixtures() {}

    /** A name no other test uses, valid as zone, conduit and asset name. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> zoneBody(String name, String securityLevel) {
        return new HashMap<>(Map.of("name", name, "description", "Test zone", "securityLevel", securityLevel));
    }

    public static Map<String, Object> assetBody(String name, long zoneId) {
        return new HashMap<>(Map.of("name", name, "description", "Test asset", "zoneId", zoneId,
                "endpoints", List.of(Map.of("protocol", "SSH", "host", "10.20.0.7", "port", 22))));
    }

    public static Map<String, Object> conduitBody(String name, long zoneId) {
        return new HashMap<>(Map.of("name", name, "zoneId", zoneId, "allowedProtocols", List.of("SSH"),
                "timeZone", "Europe/Berlin",
                "maintenanceWindows", List.of(Map.of("dayOfWeek", "SATURDAY", "start", "22:00", "end", "04:00"))));
    }

    public static long createZone(String securityLevel) {
        return create("/api/admin/zones", zoneBody(unique("zone"), securityLevel));
    }

    public static long createAsset(long zoneId) {
        return create("/api/admin/assets", assetBody(unique("asset"), zoneId));
    }

    public static long createConduit(long zoneId) {
        return create("/api/admin/conduits", conduitBody(unique("conduit"), zoneId));
    }

    /** Creates as admin and returns the new id. */
    public static long create(String path, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("adam")).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
