package io.otbroker.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IEC 62443 target security level of a zone, carrying the broker's defaults for it (DESIGN.md §2).
 * Conduits and grants may be stricter than their zone's level, never looser: {@link #violations}
 * names every setting that would loosen it.
 */
public enum SecurityLevel {
    SL1(1, Duration.ofHours(8), false, Supervision.NONE, FileTransferRule.ALLOWED, true, false),
    SL2(1, Duration.ofHours(4), false, Supervision.NONE, FileTransferRule.CONDUIT_DECIDES, true, false),
    SL3(2, Duration.ofHours(2), true, Supervision.OPTIONAL, FileTransferRule.CONDUIT_DECIDES, true, true),
    SL4(2, Duration.ofHours(1), true, Supervision.REQUIRED, FileTransferRule.OFF, false, true);

    /** Whether an operator must watch a session of this level. */
    public enum Supervision {
        /** Sessions run without a watcher. */
        NONE,
        /** Operators may watch; the session does not wait for them. */
        OPTIONAL,
        /** The session waits until an operator watches. */
        REQUIRED
    }

    /** What a conduit may do with file transfer (upload to the asset, download from it) at this level. */
    public enum FileTransferRule {
        /** On in both directions unless the conduit switches a direction off. */
        ALLOWED(true, true),
        /** Off unless the conduit explicitly switches a direction on (SL3: upload only if the conduit allows it). */
        CONDUIT_DECIDES(false, true),
        /** Off; no conduit may switch it on. */
        OFF(false, false);

        private final boolean onByDefault;
        private final boolean conduitMayEnable;

        FileTransferRule(boolean onByDefault, boolean conduitMayEnable) {
            this.onByDefault = onByDefault;
            this.conduitMayEnable = conduitMayEnable;
        }

        /** The effective flag of a conduit: what it says, or the level's default when it says nothing. */
        public boolean effective(Boolean conduitSays) {
            return conduitSays == null ? onByDefault : conduitSays;
        }

        /** Whether a conduit of this level may switch a direction on. */
        public boolean conduitMayEnable() {
            return conduitMayEnable;
        }
    }

    private final int approvalsNeeded;
    private final Duration longestGrant;
    private final boolean perSessionMfa;
    private final Supervision supervision;
    private final FileTransferRule fileTransfer;
    private final boolean execMayBeAllowed;
    private final boolean transferredFilesKept;

    SecurityLevel(int approvalsNeeded, Duration longestGrant, boolean perSessionMfa, Supervision supervision,
            FileTransferRule fileTransfer, boolean execMayBeAllowed, boolean transferredFilesKept) {
        this.approvalsNeeded = approvalsNeeded;
        this.longestGrant = longestGrant;
        this.perSessionMfa = perSessionMfa;
        this.supervision = supervision;
        this.fileTransfer = fileTransfer;
        this.execMayBeAllowed = execMayBeAllowed;
        this.transferredFilesKept = transferredFilesKept;
    }

    /** Distinct operators who must approve a request (nobody approves their own). */
    public int approvalsNeeded() {
        return approvalsNeeded;
    }

    /** Longest grant a conduit of this level may allow. */
    public Duration longestGrant() {
        return longestGrant;
    }

    /** Whether each session needs a fresh second factor, not only the login. */
    public boolean perSessionMfa() {
        return perSessionMfa;
    }

    /** Whether access requests must name a work order: in SL3 and SL4 zones every change is planned work. */
    public boolean workOrderRequired() {
        return compareTo(SL3) >= 0;
    }

    public Supervision supervision() {
        return supervision;
    }

    public FileTransferRule fileTransfer() {
        return fileTransfer;
    }

    /**
     * Whether a conduit of this level may let vendors run a command without a shell ({@code ssh ... command});
     * it is off unless the conduit switches it on. Why never in SL4: its sessions are interactive shells an
     * operator watches, and a command run without a terminal would slip past that supervision.
     */
    public boolean execMayBeAllowed() {
        return execMayBeAllowed;
    }

    /**
     * Whether the content of every transferred file must be kept (the default, and no conduit may switch it
     * off). Why from SL3 up: a file brought into or out of such a zone is evidence an investigation needs.
     */
    public boolean transferredFilesKept() {
        return transferredFilesKept;
    }

    /**
     * Settings of a conduit that would loosen this level, keyed by the request field they come from.
     * Empty when the conduit complies. Why: admins may tighten the level's defaults, never loosen them.
     */
    public Map<String, String> violations(Duration conduitLongestGrant, SessionRules rules) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (conduitLongestGrant.compareTo(longestGrant) > 0) {
            violations.put("longestGrant", "must not exceed " + longestGrant + ", the limit of " + this);
        }
        if (rules.uploadAllowed() && !fileTransfer.conduitMayEnable()) {
            violations.put("uploadAllowed", "must be false: file transfer is off in " + this + " zones");
        }
        if (rules.downloadAllowed() && !fileTransfer.conduitMayEnable()) {
            violations.put("downloadAllowed", "must be false: file transfer is off in " + this + " zones");
        }
        if (rules.execAllowed() && !execMayBeAllowed) {
            violations.put("execAllowed", "must be false: " + this + " sessions are supervised shells only");
        }
        if (!rules.keepTransferredFiles() && transferredFilesKept) {
            violations.put("keepTransferredFiles", "must be true: " + this + " zones keep every transferred file");
        }
        return violations;
    }
}
