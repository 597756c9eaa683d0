package io.otbroker.access.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.access.AccessChange;
import io.otbroker.access.AccessState;
import io.otbroker.access.BrokerInstance;
import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pages an external system about every new access request: a signed JSON POST (see {@link WebhookSigner})
 * to {@code otbroker.webhook.url}, off the thread that delivered the change, with a timeout and a few
 * retries at growing intervals. A delivery that finally fails is logged and audited
 * ({@code webhook.failed}); it never affects the request itself.
 *
 * <p>In a cluster every broker hears every change, but only the broker that made the change sends it,
 * so a request pages once.
 */
@ApplicationScoped
public class Webhook {

    private static final Logger LOG = Logger.getLogger(Webhook.class);

    @ConfigProperty(name = WebhookTarget.URL_PROPERTY)
    Optional<String> url;

    @ConfigProperty(name = WebhookTarget.SECRET_PROPERTY)
    Optional<String> secret;

    @ConfigProperty(name = "otbroker.webhook.timeout", defaultValue = "5s")
    Duration timeout;

    @ConfigProperty(name = "otbroker.webhook.attempts", defaultValue = "4")
    int attempts;

    @ConfigProperty(name = "otbroker.webhook.retry-delay", defaultValue = "2s")
    Duration retryDelay;

    @Inject
    BrokerInstance broker;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private volatile WebhookTarget target;
    private ScheduledExecutorService sender;
    private HttpClient http;

    /** A delivery attempt's result; {@code reason} is secret-free (a status or an exception's class). */
    private record Outcome(boolean delivered, boolean retryable, String reason) {

        static Outcome ofStatus(int status) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return new Outcome(status / 100 == 2, retryable, "HTTP " + status);
        }
    }

    /** Checks the configuration at startup: a misconfigured webhook stops the broker (fail closed). */
    void start(@Observes StartupEvent event) {
        WebhookTarget configured = WebhookTarget.configured(url, secret).orElse(null);
        if (configured == null) {
            return;
        }
        sender = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("otbroker-webhook")
                .factory());
        // Redirects are not followed: a signed page goes only where it was configured to go.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        target = configured;
        LOG.info("Webhook on: new access requests are posted to the configured receiver");
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.shutdownNow();
            http.close();
        }
    }

    void onChange(@Observes AccessChange change) {
        WebhookTarget current = target;
        boolean newRequest = change.previous() == null && change.current() == AccessState.PENDING;
        if (current == null || !newRequest || !broker.id().equals(change.broker())) {
            return;
        }
        byte[] body = body(WebhookPayload.newRequest(change));
        sender.execute(() -> attempt(current, change.requestId(), body, 1));
    }

    private byte[] body(WebhookPayload payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook body could not be written as JSON", e);
        }
    }

    private void attempt(WebhookTarget current, long requestId, byte[] body, int attempt) {
        Outcome outcome = post(current, body);
        if (outcome.delivered()) {
            LOG.debugf("Webhook for access request %d delivered (attempt %d)", requestId, attempt);
        } else if (outcome.retryable() && attempt < attempts) {
            Duration pause = retryDelay.multipliedBy(1L << (attempt - 1));
            LOG.infof("Webhook for access request %d: attempt %d of %d failed (%s); retrying in %d ms", requestId,
                    attempt, attempts, outcome.reason(), pause.toMillis());
            sender.schedule(() -> attempt(current, requestId, body, attempt + 1), pause.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            giveUp(requestId, attempt, outcome);
        }
    }

    private Outcome post(WebhookTarget current, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(current.url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, current.signer().sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return Outcome.ofStatus(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return new Outcome(false, true, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, "interrupted");
        }
    }

    /** Logged without URL, secret or body; audited in a transaction of its own. */
    private void giveUp(long requestId, int attempt, Outcome outcome) {
        LOG.warnf("Webhook for access request %d failed after %d attempt(s): %s", requestId, attempt, outcome.reason());
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.recordAs(AuditLog.SYSTEM_ACTOR,
                    AuditEventType.WEBHOOK_FAILED, "access-request/" + requestId,
                    Map.of("attempts", attempt, "reason", outcome.reason())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The failed webhook for access request %d could not be audited", requestId);
        }
    }
}
