package io.otbroker.vault;

/**
 * A decrypted asset credential, for the protocol adapters that log in upstream. Keep it only as long
 * as the login takes; {@link #toString()} never shows the secret, so logging it by mistake is harmless.
 */
public record AssetSecret(CredentialKind kind, String username, String secret) {

    @Override
    public String toString() {
        return "AssetSecret[kind=" + kind + ", username=" + username + ", secret=***]";
    }
}
