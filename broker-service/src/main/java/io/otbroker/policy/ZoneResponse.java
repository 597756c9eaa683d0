package io.otbroker.policy;

import io.otbroker.policy.SecurityLevel.FileTransferRule;
import io.otbroker.policy.SecurityLevel.Supervision;

/** A zone as the API shows it, with the defaults its security level implies. */
public record ZoneResponse(long id, String name, String description, SecurityLevel securityLevel,
        LevelDefaults levelDefaults) {

    /** What the security level means for access to this zone (DESIGN.md §2). */
    public record LevelDefaults(int approvalsNeeded, String longestGrant, boolean perSessionMfa,
            Supervision supervision, FileTransferRule fileTransfer) {

        static LevelDefaults of(SecurityLevel level) {
            return new LevelDefaults(level.approvalsNeeded(), level.longestGrant().toString(), level.perSessionMfa(),
                    level.supervision(), level.fileTransfer());
        }
    }

    static ZoneResponse of(Zone zone) {
        return new ZoneResponse(zone.id, zone.name, zone.description, zone.securityLevel,
                LevelDefaults.of(zone.securityLevel));
    }
}
