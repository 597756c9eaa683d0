package io.otbroker.vault;

/** What an asset credential holds as its secret. */
public enum CredentialKind {
    /** A password for the given username. */
    PASSWORD,
    /** A private key (PEM or OpenSSH format, without passphrase) for the given username. */
    PRIVATE_KEY
}
