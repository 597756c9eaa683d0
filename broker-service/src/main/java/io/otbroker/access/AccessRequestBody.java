package io.otbroker.access;

import io.otbroker.asset.Asset;
import io.otbroker.asset.Protocol;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.web.Problem;
import io.otbroker.web.Problem.FieldError;
import io.otbroker.web.ProblemException;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a new access request. The asset is named by {@code assetName} or {@code assetId}; the
 * window starts at {@code start} (left out: now) and lasts until {@code end} or for {@code duration}.
 */
@Schema(description = "A vendor's request for access to one asset")
public record AccessRequestBody(
        @Size(max = 63, message = "must be at most 63 characters")
        @Schema(description = "Name of the asset (or give assetId)", example = "hmi-pack-01") String assetName,
        @Schema(description = "Id of the asset (or give assetName)") Long assetId,
        @NotEmpty(message = "must name at least one of SSH, RDP, VNC")
        @Schema(example = "[\"RDP\"]") Set<@NotNull Protocol> protocols,
        @Schema(description = "Start of the window, ISO-8601; left out: now", example = "2026-03-02T08:00:00Z")
        Instant start,
        @Schema(description = "End of the window, ISO-8601 (or give duration)") Instant end,
        @Schema(description = "Length of the window, ISO-8601 (or give end)", example = "PT2H") Duration duration,
        @Schema(description = "Why access is needed; at most 4096 bytes of UTF-8",
                example = "Update the HMI recipe screens") String reason,
        @Schema(description = "Work-order reference; required for SL3 and SL4 zones", example = "WO-2026-0142")
        String workOrder) {

    /** How far in the past a start may lie and still count as "now": clocks of client and broker differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** How far ahead a window may be requested. Why bounded: no open-ended reservations, and no huge ranges to check. */
    static final Duration LONGEST_LEAD = Duration.ofDays(90);
    /** No zone grants longer than this; longer windows are refused before any policy work is done. */
    static final Duration LONGEST_WINDOW = Arrays.stream(SecurityLevel.values()).map(SecurityLevel::longestGrant)
            .max(Comparator.naturalOrder()).orElseThrow();

    /** The requested window as validated instants, with the name of the field that set its length. */
    record Window(Instant start, Instant end, String lengthField) {}

    /** The window this body asks for, judged at {@code now}; a 400 problem names every field it cannot accept. */
    Window window(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        requireOneOf(errors, "assetName", assetName, "assetId", assetId);
        requireOneOf(errors, "end", end, "duration", duration);
        Instant from = start == null ? now : start.truncatedTo(ChronoUnit.MICROS);
        if (from.isBefore(now.minus(CLOCK_SKEW))) {
            errors.add(new FieldError("start", "must not be in the past"));
        }
        if (from.isAfter(now.plus(LONGEST_LEAD))) {
            errors.add(new FieldError("start", "must be at most " + LONGEST_LEAD.toDays() + " days ahead"));
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            errors.add(new FieldError("duration", "must be positive"));
        }
        if (duration != null && duration.compareTo(LONGEST_WINDOW) > 0) {
            errors.add(new FieldError("duration", "must be at most " + LONGEST_WINDOW + ", the longest grant of any zone"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        Instant to = end != null ? end.truncatedTo(ChronoUnit.MICROS) : duration != null ? from.plus(duration) : null;
        if (end != null && !to.isAfter(from)) {
            errors.add(new FieldError("end", "must be after the start"));
        }
        if (end != null && Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            errors.add(new FieldError("end", "must be at most " + LONGEST_WINDOW + " after the start, the longest grant "
                    + "of any zone"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return new Window(from, to, end != null ? "end" : "duration");
    }

    /** The asset named by id or name, if it exists; whether the vendor may see it is the policy's call. */
    Optional<Asset> findAsset() {
        return assetId != null ? Asset.findByIdOptional(assetId) : Asset.findByName(assetName.strip());
    }

    /** Exactly one of two alternative fields must be given. */
    private static void requireOneOf(List<FieldError> errors, String first, Object firstValue, String second,
            Object secondValue) {
        boolean firstGiven = firstValue != null && !(firstValue instanceof String text && text.isBlank());
        if (firstGiven && secondValue != null) {
            errors.add(new FieldError(second, "must be left out when " + first + " is given"));
        } else if (!firstGiven && secondValue == null) {
            errors.add(new FieldError(first, "is required unless " + second + " is given"));
        }
    }
}
