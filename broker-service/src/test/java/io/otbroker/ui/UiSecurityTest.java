package io.otbroker.ui;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The web UI's server-side protections, without a browser: security headers on pages and API, pages
 * per role, and the SSH front-door address the vendor page shows.
 */
@QuarkusTest
class UiSecurityTest {

    @Test
    void landingPageAndScriptsAreServedWithStrictHeaders() {
        hasSecurityHeaders(given().get("/").then().statusCode(200).body(containsString("/js/landing.js")));
        hasSecurityHeaders(given().get("/js/api.js").then().statusCode(200)
                .body(containsString("credentials: 'same-origin'")));
    }

    @Test
    void apiAnswersCarryTheSameHeaders() {
        hasSecurityHeaders(as("alice").get("/api/me").then().statusCode(200));
        hasSecurityHeaders(given().get("/api/me").then().statusCode(401));
    }

    @Test
    void operatorPagesAreForOperatorsWhoAreNotVendors() {
        as("oscar").get("/operator/").then().statusCode(200).body(containsString("Approvals"));
        as("alice").get("/operator/").then().statusCode(403).body(not(containsString("Approvals")));
        as("audrey").get("/operator/index.html").then().statusCode(403);
        as("mallory").get("/operator/").then().statusCode(403); // vendor and operator: acts as a vendor
        given().redirects().follow(false).get("/operator/").then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"));
    }

    @Test
    void vendorPagesAreForVendorsOnly() {
        as("alice").get("/vendor/").then().statusCode(200).body(containsString("My access"));
        as("oscar").get("/vendor/").then().statusCode(403).body(not(containsString("My access")));
        given().redirects().follow(false).get("/vendor/index.html").then().statusCode(302);
    }

    @Test
    void auditorPagesAreForAuditorsAndAloneMayCompileThePlayersWebAssembly() {
        as("audrey").get("/auditor/").then().statusCode(200).body(containsString("Evidence"))
                .header("Content-Security-Policy", containsString("script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"))
                .header("Content-Security-Policy", not(containsString("'unsafe-eval'")))
                .header("Content-Security-Policy", containsString("img-src 'self' data:;"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        as("alice").get("/auditor/").then().statusCode(403).body(not(containsString("Evidence")));
        as("oscar").get("/auditor/index.html").then().statusCode(403).body(not(containsString("Evidence")));
        given().redirects().follow(false).get("/auditor/").then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"));
        hasSecurityHeaders(as("audrey").get("/auditorium").then());
    }

    @Test
    void adminPagesAreForAdminsOnly() {
        as("adam").get("/admin/").then().statusCode(200).body(containsString("Plant model"));
        for (String other : new String[] {"alice", "oscar", "audrey"}) {
            as(other).get("/admin/").then().statusCode(403).body(not(containsString("Plant model")));
        }
        given().redirects().follow(false).get("/admin/index.html").then().statusCode(302);
    }

    @Test
    void vendorsLearnWhereTheSshFrontDoorIs() {
        as("alice").get("/api/ssh-front-door").then().statusCode(200)
                .body("host", equalTo("localhost")).body("port", notNullValue());
        as("oscar").get("/api/ssh-front-door").then().statusCode(403);
        given().get("/api/ssh-front-door").then().statusCode(401);
    }

    private static void hasSecurityHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", is(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                        + "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; "
                        + "form-action 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
    }
}
