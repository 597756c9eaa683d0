package io.otbroker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.policy.SecurityLevel.FileTransferRule;
import io.otbroker.policy.SecurityLevel.Supervision;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityLevelTest {

    @Test
    void defaultsFollowTheDesignTable() {
        assertLevel(SecurityLevel.SL1, 1, 8, false, Supervision.NONE, FileTransferRule.ALLOWED);
        assertLevel(SecurityLevel.SL2, 1, 4, false, Supervision.NONE, FileTransferRule.CONDUIT_DECIDES);
        assertLevel(SecurityLevel.SL3, 2, 2, true, Supervision.OPTIONAL, FileTransferRule.CONDUIT_DECIDES);
        assertLevel(SecurityLevel.SL4, 2, 1, true, Supervision.REQUIRED, FileTransferRule.OFF);
    }

    private static void assertLevel(SecurityLevel level, int approvals, int hours, boolean mfa, Supervision supervision,
            FileTransferRule fileTransfer) {
        assertEquals(approvals, level.approvalsNeeded(), level + " approvals");
        assertEquals(Duration.ofHours(hours), level.longestGrant(), level + " longest grant");
        assertEquals(mfa, level.perSessionMfa(), level + " per-session MFA");
        assertEquals(supervision, level.supervision(), level + " supervision");
        assertEquals(fileTransfer, level.fileTransfer(), level + " file transfer");
    }

    @Test
    void tighterGrantIsAcceptedLongerIsNot() {
        assertTrue(SecurityLevel.SL3.violations(Duration.ofHours(2), transfer(false, false)).isEmpty());
        assertTrue(SecurityLevel.SL3.violations(Duration.ofMinutes(30), transfer(false, false)).isEmpty());

        Map<String, String> violations = SecurityLevel.SL3.violations(Duration.ofHours(3), transfer(false, false));
        assertEquals(Map.of("longestGrant", "must not exceed PT2H, the limit of SL3"), violations);
    }

    @Test
    void sl4RefusesFileTransferInBothDirections() {
        Map<String, String> violations = SecurityLevel.SL4.violations(Duration.ofHours(1), transfer(true, true));

        assertEquals("must be false: file transfer is off in SL4 zones", violations.get("uploadAllowed"));
        assertEquals("must be false: file transfer is off in SL4 zones", violations.get("downloadAllowed"));
    }

    @Test
    void lowerLevelsLetTheConduitSwitchTransferOn() {
        assertTrue(SecurityLevel.SL1.violations(Duration.ofHours(8), transfer(true, true)).isEmpty());
        assertTrue(SecurityLevel.SL2.violations(Duration.ofHours(4), transfer(true, true)).isEmpty());
        assertTrue(SecurityLevel.SL3.violations(Duration.ofHours(2), transfer(true, true)).isEmpty());
    }

    @Test
    void execIsNeverAllowedInSl4AndSl3UpKeepsEveryTransferredFile() {
        SessionRules execWithoutKeeping = new SessionRules(true, false, false, false);
        assertTrue(SecurityLevel.SL1.violations(Duration.ofHours(1), execWithoutKeeping).isEmpty());
        assertTrue(SecurityLevel.SL2.violations(Duration.ofHours(1), execWithoutKeeping).isEmpty());

        assertEquals(Map.of("keepTransferredFiles", "must be true: SL3 zones keep every transferred file"),
                SecurityLevel.SL3.violations(Duration.ofHours(1), execWithoutKeeping));
        assertEquals("must be false: SL4 sessions are supervised shells only",
                SecurityLevel.SL4.violations(Duration.ofHours(1), execWithoutKeeping).get("execAllowed"));
    }

    @Test
    void fileTransferDefaultsApplyOnlyWhenTheConduitSaysNothing() {
        assertTrue(FileTransferRule.ALLOWED.effective(null), "SL1 allows by default");
        assertFalse(FileTransferRule.ALLOWED.effective(false), "admins may tighten SL1");
        assertFalse(FileTransferRule.CONDUIT_DECIDES.effective(null), "SL2/SL3 upload only if the conduit says so");
        assertTrue(FileTransferRule.CONDUIT_DECIDES.effective(true));
        assertFalse(FileTransferRule.OFF.effective(null));
        assertFalse(FileTransferRule.OFF.conduitMayEnable());
    }

    /** Rules with these transfer directions, no exec, and files kept (what every level accepts). */
    private static SessionRules transfer(boolean upload, boolean download) {
        return new SessionRules(false, upload, download, true);
    }
}
