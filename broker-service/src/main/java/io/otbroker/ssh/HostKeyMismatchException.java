package io.otbroker.ssh;

/** The asset's host key is not the pinned one, or none is pinned: the broker does not log in. */
final class HostKeyMismatchException extends Exception {

    private final String presentedFingerprint;

    HostKeyMismatchException(String message, String presentedFingerprint) {
        super(message);
        this.presentedFingerprint = presentedFingerprint;
    }

    /** Fingerprint of the key the asset presented; null when none was pinned (nothing was asked). */
    String presentedFingerprint() {
        return presentedFingerprint;
    }
}
