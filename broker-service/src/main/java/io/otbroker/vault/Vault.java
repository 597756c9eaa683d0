package io.otbroker.vault;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds asset credentials encrypted at rest. Secrets go in through the admin API and come out only
 * through {@link #decrypt(long)}, for the protocol adapters that log in to the asset.
 */
@ApplicationScoped
public class Vault {

    @ConfigProperty(name = VaultCipher.KEY_PROPERTY)
    Optional<String> configuredKey;

    @Inject
    Clock clock;

    private volatile VaultCipher cipher;

    /**
     * Why at startup, in every profile: a broker that cannot open its credentials must fail before it
     * takes traffic, not when a vendor is waiting; and it must never fall back to storing plaintext.
     */
    void requireKeyAtStartup(@Observes StartupEvent event) {
        cipher();
    }

    /** The credential of an asset, decrypted; empty when none is set. */
    @Transactional
    public Optional<AssetSecret> decrypt(long assetId) {
        return AssetCredential.<AssetCredential>findByIdOptional(assetId).map(credential -> new AssetSecret(
                credential.kind, credential.username, cipher().open(assetId, credential.secretCiphertext)));
    }

    CredentialStatus status(long assetId) {
        return AssetCredential.<AssetCredential>findByIdOptional(assetId)
                .map(CredentialStatus::of).orElse(CredentialStatus.NONE);
    }

    /** Sets or replaces the credential of an asset; joins the caller's transaction. */
    public CredentialStatus store(long assetId, CredentialRequest request) {
        AssetCredential credential = AssetCredential.<AssetCredential>findByIdOptional(assetId).orElseGet(() -> {
            AssetCredential created = new AssetCredential();
            created.assetId = assetId;
            return created;
        });
        credential.kind = request.kind();
        credential.username = request.username();
        credential.secretCiphertext = cipher().seal(assetId, request.secret());
        credential.updatedAt = clock.instant();
        credential.persist();
        return CredentialStatus.of(credential);
    }

    /** Deletes the credential of an asset; false when none was set. */
    boolean delete(long assetId) {
        return AssetCredential.deleteById(assetId);
    }

    private VaultCipher cipher() {
        VaultCipher current = cipher;
        if (current == null) {
            // A packaged broker is production whatever its config profile (prod, postgres ...).
            boolean production = LaunchMode.current() == LaunchMode.NORMAL;
            current = VaultCipher.withConfiguredKey(configuredKey, production);
            cipher = current;
        }
        return current;
    }
}
