package io.otbroker.sshkey;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Vendors' SSH keys: registration, listing and revocation by their owner, and the lookup at SSH login. */
@ApplicationScoped
public class VendorSshKeys {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** Registers a key for {@code vendor}; the same key twice (unrevoked) is a conflict. */
    @Transactional
    public SshKeyView register(String vendor, SshKeyRequest request) {
        Instant now = clock.instant();
        VendorKeyLine line = parseOrRefuse(request.publicKey());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "must lie in the future");
        }
        if (VendorSshKey.count("vendor = ?1 and fingerprint = ?2 and revokedAt is null", vendor, line.fingerprint()) > 0) {
            throw ProblemException.conflict("This key is already registered.");
        }
        VendorSshKey key = new VendorSshKey();
        key.vendor = vendor;
        key.keyType = line.type();
        key.publicKey = line.line();
        key.fingerprint = line.fingerprint();
        key.comment = request.comment() != null ? request.comment() : line.comment();
        key.createdAt = now;
        key.expiresAt = request.expiresAt();
        key.persist();
        audit.record(AuditEventType.SSH_KEY_ADD, key.subject(), Map.of("vendor", vendor, "type", key.keyType,
                "fingerprint", key.fingerprint));
        return SshKeyView.of(key, now);
    }

    @Transactional
    public List<SshKeyView> list(String vendor) {
        Instant now = clock.instant();
        return VendorSshKey.<VendorSshKey>list("vendor = ?1 order by id", vendor).stream()
                .map(key -> SshKeyView.of(key, now)).toList();
    }

    @Transactional
    public SshKeyView get(String vendor, long id) {
        return SshKeyView.of(owned(vendor, id), clock.instant());
    }

    /** Revokes an own key; revoking twice keeps the first revocation. */
    @Transactional
    public SshKeyView revoke(String vendor, long id) {
        VendorSshKey key = owned(vendor, id);
        Instant now = clock.instant();
        if (key.revokedAt == null) {
            key.revokedAt = now;
            key.revokedBy = vendor;
            audit.record(AuditEventType.SSH_KEY_REVOKE, key.subject(), Map.of("vendor", vendor,
                    "fingerprint", key.fingerprint));
        }
        return SshKeyView.of(key, now);
    }

    /** The vendor's registered key equal to {@code presented} that may log in at {@code now}, if any. */
    @Transactional
    public Optional<VendorSshKey> usableKey(String vendor, PublicKey presented, Instant now) {
        String fingerprint = VendorKeyLine.fingerprintOf(presented);
        return VendorSshKey.<VendorSshKey>list("vendor = ?1 and fingerprint = ?2", vendor, fingerprint).stream()
                .filter(key -> key.isUsableAt(now)).findFirst();
    }

    /** Why 404 for others' keys: a vendor learns nothing about which keys other vendors hold. */
    private static VendorSshKey owned(String vendor, long id) {
        return VendorSshKey.<VendorSshKey>findByIdOptional(id).filter(key -> key.vendor.equals(vendor))
                .orElseThrow(() -> ProblemException.notFound("SSH key"));
    }

    private static VendorKeyLine parseOrRefuse(String text) {
        try {
            return VendorKeyLine.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("publicKey", e.getMessage());
        }
    }
}
