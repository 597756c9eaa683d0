package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.otbroker.access.AccessFixtures.Plant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vendor's catalogue shows exactly the assets the vendor's organisation may request, with their policy. */
@QuarkusTest
class RequestableAssetResourceTest {

    private static final String ASSETS = "/api/assets";

    @Test
    void vendorsSeeAssetsBehindConduitsNamingTheirOrganisation() {
        Plant acme = plant("SL3");
        Plant voltek = plant("SL1", "voltek-controls");

        as("alice").get(ASSETS).then().statusCode(200)
                .body("name", hasItem(acme.assetName()))
                .body("name", not(hasItem(voltek.assetName())));
        as("victor").get(ASSETS).then().statusCode(200)
                .body("name", hasItem(voltek.assetName()))
                .body("name", not(hasItem(acme.assetName())));
    }

    @Test
    void eachAssetShowsThePolicyThatApplies() {
        Plant plant = plant("SL3");
        String asset = "find { it.name == '" + plant.assetName() + "' }.";

        as("alice").get(ASSETS).then().statusCode(200)
                .body(asset + "id", equalTo((int) plant.assetId()))
                .body(asset + "securityLevel", equalTo("SL3"))
                .body(asset + "protocols", equalTo(List.of("SSH")))
                .body(asset + "approvalsNeeded", equalTo(2))
                .body(asset + "longestGrant", equalTo("PT2H"))
                .body(asset + "supervision", equalTo("OPTIONAL"))
                .body(asset + "perSessionMfa", equalTo(true))
                .body(asset + "workOrderRequired", equalTo(true))
                .body(asset + "conduits[0].timeZone", equalTo("UTC"))
                .body(asset + "conduits[0].maintenanceWindows.size()", equalTo(7))
                .body(asset + "endpoints", equalTo(null));
    }

    @Test
    void onlyVendorsHaveACatalogue() {
        for (String user : List.of("oscar", "audrey", "adam")) {
            as(user).get(ASSETS).then().statusCode(403);
        }
        given().get(ASSETS).then().statusCode(401);
    }
}
