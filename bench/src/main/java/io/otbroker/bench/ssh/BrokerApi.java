package io.otbroker.bench.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.keycloak.DirectGrant;
import io.otbroker.keycloak.RealmFiles;
import io.otbroker.keycloak.Totp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * The broker's REST API as the demo users call it: each request carries a real access token from Keycloak,
 * obtained with the user's password and current one-time code (the dev realm's test client).
 */
final class BrokerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String realmUrl;

    BrokerApi(String baseUrl, String realmUrl) {
        this.baseUrl = baseUrl;
        this.realmUrl = realmUrl;
    }

    /** POSTs {@code body} as {@code user} and returns the new row's id. */
    long create(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, "POST", path, body).path("id").asLong();
    }

    /** Sends {@code body} as JSON (null: none) and returns the answer; fails on any status but 2xx. */
    JsonNode send(String user, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(method, publisher).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Polls {@code path} as {@code user} until its {@code state} is {@code state} (the grant clock ticks each second). */
    void awaitState(String user, String path, String state) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (state.equals(send(user, "GET", path, null).path("state").asText())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " did not become " + state);
    }

    private String token(String user) {
        String code = Totp.code(RealmFiles.demoTotpSecrets().get(user), Instant.now());
        return DirectGrant.request(realmUrl, "otbroker-test", user, RealmFiles.demoPassword(), code).accessToken();
    }
}
