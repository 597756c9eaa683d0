package io.otbroker.connectcode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time connect code for one grant and its vendor, stored as a hash only: the code itself is shown to
 * the vendor once and never kept. Used at most once, before {@link #expiresAt}.
 */
@Entity
@Table(name = "connect_code")
public class ConnectCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The access request (grant) the code opens a session under. */
    @Column(name = "grant_id", nullable = false)
    public long grantId;

    /** The vendor who asked for the code; only that vendor's login may use it. */
    @Column(nullable = false)
    public String vendor;

    /** {@link ConnectCodeSecret#hash}: SHA-256 of the grant id and the normalised code, hex. */
    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When a login used the code; null while unused. */
    @Column(name = "used_at")
    public Instant usedAt;
}
