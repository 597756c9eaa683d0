package io.otbroker.access.notify;

import io.otbroker.access.AccessChange;
import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live access changes: each committed change, pushed as a Server-Sent Event within a second of its commit on
 * any broker of the cluster.
 *
 * <p>Who sees what: operators, who act on the queue, and auditors, who read everything and change nothing,
 * get every change; the stream is read-only and shows what the audit log records anyway. A vendor gets the
 * changes of their own requests only (what their request list shows them anyway), never another vendor's.
 * Admins are refused: they run the plant model, not access.
 */
@Path("/api/access-requests/stream")
@Tag(name = "Access requests")
public class AccessChangeStreamResource {

    /** The SSE event name of a change. */
    public static final String EVENT_NAME = "access-change";
    /** Lifetime of a stream whose token does not say when it expires. */
    private static final Duration LIFETIME_WITHOUT_EXPIRY = Duration.ofMinutes(5);
    /** A token about to expire gets a stream that ends within this (Mutiny needs a positive time). */
    private static final Duration SHORTEST_LIFETIME = Duration.ofSeconds(1);

    @Inject
    AccessChangeStream changes;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @ConfigProperty(name = "otbroker.access-stream.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.VENDOR})
    @Operation(summary = "Live access changes (Server-Sent Events)", description = """
            Each committed change of an access request or grant is one event named `access-change` whose data \
            is the change as JSON. Operators and auditors get every change; a vendor only those of their own \
            requests. A comment line (`: heartbeat`) comes at once and then every 15 s by default, \
            so that proxies keep the stream open. The stream ends when the caller's token expires; reconnect with a \
            fresh one and re-read the request list, since changes made while disconnected are not replayed.""")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = AccessChange.class),
            examples = @ExampleObject(name = "access-change", value = """
                    event: access-change
                    data: {"requestId":42,"assetId":7,"vendor":"alice","previous":null,"current":"PENDING",\
                    "at":"2026-03-02T08:15:00Z","actor":"alice","broker":"broker-0"}
                    """)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an operator, auditor or vendor")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Caller caller = Caller.of(identity);
        if (!caller.actsAsStaff() && !caller.isVendor()) {
            throw new ForbiddenException();
        }
        // Why the vendor test comes first: a token with the vendor role acts as a vendor only, whatever else it says.
        Predicate<AccessChange> visible = caller.isVendor() ? change -> caller.name().equals(change.vendor())
                : change -> true;
        Multi<OutboundSseEvent> events = changes.fromNowOn().select().where(visible)
                .map(change -> sse.newEventBuilder().name(EVENT_NAME).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(AccessChange.class, change).build());
        // The first heartbeat goes out at once: it sends the headers and tells the client it is connected.
        Multi<Long> beats = Multi.createBy().concatenating().streams(Multi.createFrom().item(0L),
                Multi.createFrom().ticks().every(heartbeat).onOverflow().drop());
        Multi<OutboundSseEvent> heartbeats = beats.map(beat -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats).select().first(lifetime());
    }

    /**
     * Why: a stream must not outlive the token that opened it, or someone whose role was withdrawn would
     * keep watching the queue; the client reconnects with a fresh token and is checked again.
     */
    private Duration lifetime() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(token.getExpirationTime()));
            return left.compareTo(SHORTEST_LIFETIME) < 0 ? SHORTEST_LIFETIME : left;
        }
        return LIFETIME_WITHOUT_EXPIRY;
    }
}
