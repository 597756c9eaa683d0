package io.otbroker.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator ends a live session; shown to the vendor and audited. */
public record TerminateBody(
        @NotBlank(message = "must say why") @Size(max = 500, message = "must be at most 500 characters") String reason) {}
