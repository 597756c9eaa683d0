package io.otbroker.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the operators' review calls. */
public final class ReviewBodies {

    private ReviewBodies() {}

    /** An approval, optionally shortening the grant and with a comment. */
    @Schema(description = "An approval; both fields are optional")
    public record Approval(
            @Schema(description = "Shortened end of the grant, ISO-8601: after its start, never later than it "
                    + "would otherwise end", example = "2026-03-02T09:30:00Z") Instant end,
            @Size(max = 4096, message = "must be at most 4096 characters")
            @Schema(example = "Only the recipe screens, please") String comment) {}

    /** A denial or revocation, which must say why. */
    @Schema(description = "Why the request is denied or the grant revoked")
    public record Reason(
            @NotBlank(message = "must say why")
            @Size(max = 4096, message = "must be at most 4096 characters")
            @Schema(example = "The line runs a production order until Friday") String reason) {}
}
