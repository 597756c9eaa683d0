package io.otbroker.terminal;

import io.otbroker.access.AccessRequest;
import io.otbroker.access.AccessState;
import io.otbroker.asset.Protocol;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Optional;

/**
 * The access request a browser terminal is opened for, as far as the terminal needs it.
 *
 * @param id        the access request (grant) id
 * @param assetName the asset: the terminal logs in at the front door as {@code vendor:assetName}
 * @param sshNow    whether the grant is active now and covers SSH
 * @param needsCode whether the asset's zone asks a one-time connect code per session (SL3/SL4)
 */
record TerminalGrant(long id, String assetName, boolean sshNow, boolean needsCode) {

    /** The vendor's own request {@code id}; empty for an unknown id and for another vendor's request alike. */
    static Optional<TerminalGrant> own(String vendor, String id, Instant now) {
        Optional<Long> number = number(id);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.<AccessRequest>findByIdOptional(number.get())
                .filter(request -> request.vendor.equals(vendor))
                .map(request -> new TerminalGrant(request.id, request.asset.name,
                        request.effectiveState(now) == AccessState.ACTIVE && request.protocols.contains(Protocol.SSH),
                        request.asset.zone.securityLevel.perSessionMfa())));
    }

    private static Optional<Long> number(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
