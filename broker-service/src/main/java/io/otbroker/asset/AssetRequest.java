package io.otbroker.asset;

import io.otbroker.policy.Zone;
import io.otbroker.web.Problem;
import io.otbroker.web.Problem.FieldError;
import io.otbroker.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Body of an asset create or full update. {@code sshHostKey} is optional, but without it the broker
 * will refuse SSH sessions to the asset: it never trusts a host key on first use.
 */
public record AssetRequest(
        // Why so strict: vendors type this name into 'ssh user:asset@broker', where it must parse unambiguously.
        @NotNull(message = "must not be blank")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be 1 to 63 lower-case letters, digits or '-', "
                + "starting with a letter or digit") String name,
        @Size(max = 1000, message = "must be at most 1000 characters") String description,
        @NotNull(message = "must be the id of a zone") Long zoneId,
        @NotNull(message = "must be a list of endpoints (it may be empty)")
        List<@NotNull @Valid AssetEndpoint> endpoints,
        @Size(max = 8192, message = "must be at most 8192 characters") String sshHostKey) {

    /** Copies the request into {@code asset}, or throws a 400 problem naming every field it cannot accept. */
    void applyTo(Asset asset) {
        List<FieldError> errors = new ArrayList<>();
        Zone zone = Zone.findById(zoneId);
        if (zone == null) {
            errors.add(new FieldError("zoneId", "no zone has this id"));
        }
        Set<Protocol> seen = EnumSet.noneOf(Protocol.class);
        for (AssetEndpoint endpoint : endpoints) {
            if (!seen.add(endpoint.protocol())) {
                errors.add(new FieldError("endpoints", "must hold at most one endpoint per protocol; "
                        + endpoint.protocol() + " appears twice"));
            }
        }
        String pinnedKey = parseHostKey(errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        asset.name = name;
        asset.description = description;
        asset.zone = zone;
        asset.endpoints.clear();
        asset.endpoints.addAll(endpoints);
        asset.sshHostKey = pinnedKey;
    }

    /** The key normalised to one line without comment, null when none is given (or after adding an error). */
    private String parseHostKey(List<FieldError> errors) {
        if (sshHostKey == null || sshHostKey.isBlank()) {
            return null;
        }
        try {
            return SshHostKey.parse(sshHostKey).toOpenSshLine();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("sshHostKey", e.getMessage()));
            return null;
        }
    }
}
