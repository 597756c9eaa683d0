package io.otbroker.access.notify;

import io.otbroker.access.AccessChange;
import io.otbroker.access.AccessState;
import java.time.Instant;

/**
 * The JSON body of a webhook delivery: enough for an on-call operator to be paged and follow the link,
 * nothing secret. {@code requestId} identifies a delivery: a retry after a timeout may repeat one.
 *
 * @param event     always {@value #NEW_REQUEST}
 * @param requestId the new access request
 * @param assetId   the asset asked for
 * @param vendor    the vendor's user name
 * @param state     the request's state ({@code PENDING})
 * @param at        when it was made
 * @param link      the request's API path on the broker
 */
record WebhookPayload(String event, long requestId, long assetId, String vendor, AccessState state, Instant at,
        String link) {

    static final String NEW_REQUEST = "access-request.created";

    static WebhookPayload newRequest(AccessChange change) {
        return new WebhookPayload(NEW_REQUEST, change.requestId(), change.assetId(), change.vendor(), change.current(),
                change.at(), "/api/access-requests/" + change.requestId());
    }
}
