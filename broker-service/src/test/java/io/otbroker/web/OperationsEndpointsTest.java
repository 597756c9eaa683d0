package io.otbroker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Quarkus conventions an operations team relies on: health, metrics, OpenAPI, and problem+json for the unknown. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessCoversDatabaseAndKeycloak() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("keycloak", "Database connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsTheApi() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("otbroker API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me"));
    }

    @Test
    void forbiddenIsAProblemToo() {
        given().auth().oauth2(io.otbroker.testsupport.Tokens.of("alice")).get("/api/admin/zones").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void unknownApiPathIsAProblemNotAStackTrace() {
        given().auth().oauth2(io.otbroker.testsupport.Tokens.of("adam")).get("/api/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }
}
