package io.otbroker.vault;

/**
 * A stored credential cannot be opened: it was altered, copied from another asset, or sealed under
 * another key. Carries no cause, so nothing about the key or the ciphertext reaches a log.
 */
public class VaultException extends RuntimeException {

    VaultException(long assetId) {
        super("The stored credential of asset " + assetId + " cannot be decrypted with the configured vault key.",
                null, false, false);
    }
}
