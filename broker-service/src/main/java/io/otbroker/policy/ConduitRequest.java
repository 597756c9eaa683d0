package io.otbroker.policy;

import io.otbroker.asset.Protocol;
import io.otbroker.web.Problem;
import io.otbroker.web.Problem.FieldError;
import io.otbroker.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Body of a conduit create or full update. {@code longestGrant} (ISO-8601, e.g. {@code PT2H}), the
 * file transfer flags and {@code keepTransferredFiles} are optional: left out, they take the zone's
 * security-level default. {@code execAllowed} left out is false: commands without a shell need an admin's yes.
 * {@code vendorOrganisations} is optional too: left out or empty, no vendor may use the conduit.
 */
public record ConduitRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters") String name,
        @Size(max = 1000, message = "must be at most 1000 characters") String description,
        @NotNull(message = "must be the id of a zone") Long zoneId,
        @NotEmpty(message = "must name at least one of SSH, RDP, VNC") Set<@NotNull Protocol> allowedProtocols,
        @NotBlank(message = "must be an IANA time zone such as Europe/Berlin") String timeZone,
        @NotNull(message = "must be a list of weekly windows (an empty list keeps the conduit closed)")
        @Size(max = 100, message = "must hold at most 100 windows")
        List<@NotNull @Valid MaintenanceWindow> maintenanceWindows,
        String longestGrant,
        Boolean uploadAllowed,
        Boolean downloadAllowed,
        Boolean execAllowed,
        Boolean keepTransferredFiles,
        @Size(max = 100, message = "must hold at most 100 organisations")
        Set<@NotBlank(message = "must not be blank")
            @Size(max = 100, message = "must be at most 100 characters") String> vendorOrganisations) {

    /** Copies the request into {@code conduit}, or throws a 400 problem naming every field it cannot accept. */
    void applyTo(Conduit conduit) {
        List<FieldError> errors = new ArrayList<>();
        Zone zone = Zone.findById(zoneId);
        if (zone == null) {
            errors.add(new FieldError("zoneId", "no zone has this id"));
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        Duration grant = parseLongestGrant(zone, errors);
        if (zone != null && grant != null) {
            SessionRules rules = effectiveRules(zone.securityLevel);
            zone.securityLevel.violations(grant, rules)
                    .forEach((field, message) -> errors.add(new FieldError(field, message)));
            if (errors.isEmpty()) {
                copy(conduit, zone, grant, rules);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
    }

    /** The flags as asked, the level's defaults where the request says nothing (exec: off). */
    private SessionRules effectiveRules(SecurityLevel level) {
        return new SessionRules(Boolean.TRUE.equals(execAllowed), level.fileTransfer().effective(uploadAllowed),
                level.fileTransfer().effective(downloadAllowed),
                keepTransferredFiles == null ? level.transferredFilesKept() : keepTransferredFiles);
    }

    private void copy(Conduit conduit, Zone zone, Duration grant, SessionRules rules) {
        conduit.name = name.strip();
        conduit.description = description;
        conduit.zone = zone;
        conduit.allowedProtocols.clear();
        conduit.allowedProtocols.addAll(allowedProtocols);
        conduit.timeZone = timeZone;
        conduit.maintenanceWindows.clear();
        conduit.maintenanceWindows.addAll(maintenanceWindows);
        conduit.longestGrantSeconds = grant.toSeconds();
        conduit.uploadAllowed = rules.uploadAllowed();
        conduit.downloadAllowed = rules.downloadAllowed();
        conduit.execAllowed = rules.execAllowed();
        conduit.keepTransferredFiles = rules.keepTransferredFiles();
        conduit.vendorOrganisations.clear();
        if (vendorOrganisations != null) {
            vendorOrganisations.stream().map(String::strip).forEach(conduit.vendorOrganisations::add);
        }
    }

    /** The requested longest grant, the zone's limit when none is given, or null after adding an error. */
    private Duration parseLongestGrant(Zone zone, List<FieldError> errors) {
        if (longestGrant == null) {
            return zone == null ? null : zone.securityLevel.longestGrant();
        }
        try {
            Duration grant = Duration.parse(longestGrant);
            if (grant.isNegative() || grant.isZero() || grant.getNano() != 0) {
                errors.add(new FieldError("longestGrant", "must be a positive whole number of seconds, e.g. PT2H"));
                return null;
            }
            return grant;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("longestGrant", "must be an ISO-8601 duration such as PT2H or PT30M"));
            return null;
        }
    }
}
