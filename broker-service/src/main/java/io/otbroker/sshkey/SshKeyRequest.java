package io.otbroker.sshkey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Registers an SSH public key.
 *
 * @param publicKey the OpenSSH public-key line, as in {@code ~/.ssh/id_ed25519.pub}
 * @param comment   a label; defaults to the comment in the line
 * @param expiresAt when the key stops logging in; optional, must lie in the future
 */
public record SshKeyRequest(
        @NotBlank(message = "must be an OpenSSH public key line") @Size(max = 4096, message = "at most 4096 characters")
        String publicKey,
        @Size(max = 255, message = "at most 255 characters") String comment,
        Instant expiresAt) {}
