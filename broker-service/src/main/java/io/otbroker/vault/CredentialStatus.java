package io.otbroker.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** What the API tells about an asset credential: whether one is set, its kind, username and age. Never the secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialStatus(boolean set, CredentialKind kind, String username, Instant updatedAt) {

    static final CredentialStatus NONE = new CredentialStatus(false, null, null, null);

    static CredentialStatus of(AssetCredential credential) {
        return new CredentialStatus(true, credential.kind, credential.username, credential.updatedAt);
    }
}
