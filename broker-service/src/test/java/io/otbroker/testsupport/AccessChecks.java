package io.otbroker.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** The role checks every admin endpoint gets: allowed roles pass, other roles get 403, no token 401. */
public final class AccessChecks {

    private AccessChecks() {}

    /** Plant model reads: admin, operator and auditor; vendors are refused. */
    public static void readableByStaffOnly(String path) {
        for (String user : List.of("adam", "oscar", "audrey")) {
            as(user).get(path).then().statusCode(200);
        }
        as("alice").get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
    }

    /** Admin-only requests: every other role gets 403 and nothing happens; no token gets 401. */
    public static void refusedToNonAdmins(Method method, String path, Object body) {
        for (String user : List.of("oscar", "audrey", "alice")) {
            withBody(as(user), body).request(method, path).then().statusCode(403);
        }
        withBody(given(), body).request(method, path).then().statusCode(401);
    }

    /** A request authenticated as a demo user. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    private static RequestSpecification withBody(RequestSpecification request, Object body) {
        return body == null ? request : request.contentType(ContentType.JSON).body(body);
    }
}
