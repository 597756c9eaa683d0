package io.otbroker.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExecRequestTest {

    @Test
    void programsThatMoveFilesAreRecognisedWhereverTheyLive() {
        assertTrue(new ExecRequest("scp -t /upload/firmware.bin").isFileTransfer(), "legacy scp upload");
        assertTrue(new ExecRequest("scp -f -- /var/log/drive.log").isFileTransfer(), "legacy scp download");
        assertTrue(new ExecRequest("  /usr/bin/scp -r -t /tmp").isFileTransfer());
        assertTrue(new ExecRequest("/usr/lib/openssh/sftp-server").isFileTransfer());
        assertTrue(new ExecRequest("rsync --server -vlogDtpre.iLsfxC . /tmp/").isFileTransfer());
    }

    @Test
    void otherCommandsAreNotFileTransfers() {
        assertFalse(new ExecRequest("echo scp -t").isFileTransfer());
        assertFalse(new ExecRequest("rsync --version").isFileTransfer());
        assertFalse(new ExecRequest("uptime").isFileTransfer());
    }

    @Test
    void theAuditLogNamesTheProgramWithoutItsArguments() {
        assertEquals("systemctl", new ExecRequest("/bin/systemctl restart plc-gateway --password=hunter2").program());
        assertEquals(64, new ExecRequest("x".repeat(200)).program().length());
    }
}
