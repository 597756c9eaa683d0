package io.otbroker.policy;

/**
 * What a session through a conduit may do besides an interactive shell, as the protocol adapters obey it.
 *
 * @param execAllowed          may the vendor run a command without a shell ({@code ssh ... command})
 * @param uploadAllowed        may files be written, created, renamed, removed or changed on the asset
 * @param downloadAllowed      may file content be read from the asset
 * @param keepTransferredFiles must the broker keep a copy of each transferred file's content
 */
public record SessionRules(boolean execAllowed, boolean uploadAllowed, boolean downloadAllowed,
        boolean keepTransferredFiles) {

    /** Nothing but a shell: what a grant gets when no conduit carries it any more (fail closed). */
    public static final SessionRules SHELL_ONLY = new SessionRules(false, false, false, true);

    /**
     * The rules of {@code conduit} within what its zone's level allows now. Why clamp again here although
     * the API validated the conduit: a zone's level may have been raised since, and the stricter level wins.
     */
    public static SessionRules of(Conduit conduit) {
        SecurityLevel level = conduit.zone.securityLevel;
        boolean transfer = level.fileTransfer().conduitMayEnable();
        return new SessionRules(conduit.execAllowed && level.execMayBeAllowed(), conduit.uploadAllowed && transfer,
                conduit.downloadAllowed && transfer, conduit.keepTransferredFiles || level.transferredFilesKept());
    }

    /**
     * Both rules at once: allowed only where both allow, kept where either keeps. Why: when several conduits
     * could carry a grant, the broker cannot tell which one the vendor meant, so the strictest reading holds.
     */
    public SessionRules strictest(SessionRules other) {
        return new SessionRules(execAllowed && other.execAllowed, uploadAllowed && other.uploadAllowed,
                downloadAllowed && other.downloadAllowed, keepTransferredFiles || other.keepTransferredFiles);
    }

    /** Whether any file transfer is allowed; SFTP is refused altogether when not. */
    public boolean fileTransferAllowed() {
        return uploadAllowed || downloadAllowed;
    }
}
