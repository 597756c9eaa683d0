package io.otbroker.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The access API is documented, with examples of requests, answers and problems. */
@QuarkusTest
class AccessOpenApiTest {

    @Test
    void accessEndpointsAreDocumentedWithExamples() {
        String post = "paths.'/api/access-requests'.post.";
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths", hasKey("/api/access-requests/{id}"))
                .body("paths", hasKey("/api/access-requests/{id}/approve"))
                .body("paths", hasKey("/api/access-requests/{id}/deny"))
                .body("paths", hasKey("/api/access-requests/{id}/revoke"))
                .body("paths", hasKey("/api/access-requests/{id}/cancel"))
                .body("paths", hasKey("/api/assets"))
                .body(post + "requestBody.content.'application/json'.examples.'two hours of RDP'.value.assetName",
                        notNullValue())
                .body(post + "responses.'400'.content.'application/problem+json'.examples.'too long'.value.errors[0].field",
                        containsString("duration"))
                .body("paths.'/api/access-requests/{id}'.get.responses.'200'.content.'application/json'.examples"
                        + ".approved.value.state", equalTo("APPROVED"));
    }
}
