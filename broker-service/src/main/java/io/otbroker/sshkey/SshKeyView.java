package io.otbroker.sshkey;

import java.time.Instant;

/** A registered key as its vendor sees it; {@code usable} says whether it logs in now. */
public record SshKeyView(long id, String type, String publicKey, String fingerprint, String comment, Instant createdAt,
        Instant expiresAt, Instant revokedAt, boolean usable) {

    static SshKeyView of(VendorSshKey key, Instant now) {
        return new SshKeyView(key.id, key.keyType, key.publicKey, key.fingerprint, key.comment, key.createdAt,
                key.expiresAt, key.revokedAt, key.isUsableAt(now));
    }
}
