package io.otbroker.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the identity provider answers: without it nobody can log in, and a load
 * balancer should send users to a broker that can authenticate them.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;

    KeycloakReadinessCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return HealthCheckResponse.named("keycloak").status(status == 200).build();
    }
}
