package io.otbroker.vault;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a credential PUT. The secret is accepted here and nowhere returned; {@link #toString()}
 * hides it, and validation messages never quote it.
 */
public record CredentialRequest(
        @NotNull(message = "must be PASSWORD or PRIVATE_KEY") CredentialKind kind,
        @NotBlank(message = "must not be blank")
        @Size(max = 128, message = "must be at most 128 characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String username,
        @NotEmpty(message = "must not be empty")
        @Size(max = 16384, message = "must be at most 16384 characters") String secret) {

    /** Whether the secret has the shape its kind needs; private keys must be PEM or OpenSSH armoured. */
    boolean secretMatchesKind() {
        return kind != CredentialKind.PRIVATE_KEY
                || secret.strip().startsWith("-----BEGIN ") && secret.contains("PRIVATE KEY-----");
    }

    @Override
    public String toString() {
        return "CredentialRequest[kind=" + kind + ", username=" + username + ", secret=***]";
    }
}
