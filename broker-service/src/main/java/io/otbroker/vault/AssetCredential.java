package io.otbroker.vault;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The credential the broker logs in to an asset with. The secret is stored only sealed by
 * {@link VaultCipher}; the row is deleted with its asset.
 */
@Entity
@Table(name = "asset_credential")
class AssetCredential extends PanacheEntityBase {

    /** One credential per asset: the asset's id is the key. */
    @Id
    @Column(name = "asset_id")
    public Long assetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialKind kind;

    @Column(nullable = false)
    public String username;

    /** Base64 of nonce and AES-GCM ciphertext; never the plaintext. */
    @Column(name = "secret_ciphertext", nullable = false)
    public String secretCiphertext;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
