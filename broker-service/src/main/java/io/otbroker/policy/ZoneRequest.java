package io.otbroker.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of a zone create or full update. */
public record ZoneRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters") String name,
        @Size(max = 1000, message = "must be at most 1000 characters") String description,
        @NotNull(message = "must be one of SL1, SL2, SL3, SL4") SecurityLevel securityLevel) {

    void applyTo(Zone zone) {
        zone.name = name.strip();
        zone.description = description;
        zone.securityLevel = securityLevel;
    }
}
