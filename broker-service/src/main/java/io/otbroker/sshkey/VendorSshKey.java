package io.otbroker.sshkey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An SSH public key a vendor registered (while logged in with MFA) for the SSH front door. It lets the
 * vendor in only together with an active grant; revoked keys keep their row for the audit trail.
 */
@Entity
@Table(name = "vendor_ssh_key")
public class VendorSshKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The vendor's user name. */
    @Column(nullable = false)
    public String vendor;

    @Column(name = "key_type", nullable = false)
    public String keyType;

    /** The key as one OpenSSH line without comment. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    /** SHA-256 fingerprint as {@code ssh-keygen -l} prints it. */
    @Column(nullable = false)
    public String fingerprint;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** After this instant the key no longer logs in; null: until revoked. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** Whether the key may log in at {@code now}: not revoked and not expired. */
    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** How audit events name this key. */
    public String subject() {
        return "ssh-key/" + id;
    }
}
