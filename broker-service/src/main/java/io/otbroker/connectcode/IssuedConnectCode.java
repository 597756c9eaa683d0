package io.otbroker.connectcode;

import java.time.Instant;

/**
 * A connect code as its vendor sees it, once: the only time the code leaves the broker.
 *
 * @param accessRequestId the grant the code opens one SSH session under
 * @param code            what to type at the prompt {@code One-time connect code:}
 * @param expiresAt       after this instant the code no longer opens anything
 */
public record IssuedConnectCode(long accessRequestId, String code, Instant expiresAt) {}
