package io.otbroker.ssh.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.ssh.sftp.Transfer.Direction;
import io.otbroker.ssh.sftp.Transfer.Summary;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferTest {

    @TempDir
    Path recordings;

    @Test
    void oneRunFromOffsetZeroIsTheFileItsHashAndItsKeptCopy() throws Exception {
        KeptFiles kept = new KeptFiles(recordings.resolve("transfers"));
        Transfer transfer = new Transfer(Direction.UPLOAD, "/fw.bin", kept.open(UUID.randomUUID()));
        ByteBuffer first = ByteBuffer.wrap(bytes("firmware "));
        transfer.passing(0, first);
        transfer.passing(9, ByteBuffer.wrap(bytes("image")));

        Summary summary = finish(transfer);

        assertEquals(9, first.remaining(), "the bytes are left for the relay");
        assertEquals(14, summary.size());
        assertEquals(sha256("firmware image"), summary.sha256());
        assertTrue(summary.sequential());
        assertTrue(summary.complete());
        assertArrayEquals(bytes("firmware image"), Files.readAllBytes(recordings.resolve(summary.keptAs())));
        assertTrue(summary.keptAs().startsWith("transfers/") && summary.keptAs().endsWith("/" + summary.sha256()));
    }

    @Test
    void aResumedTransferHashesExactlyTheBytesThatMovedAndSaysItIsNotTheWholeFile() throws Exception {
        Transfer transfer = new Transfer(Direction.DOWNLOAD, "/log.txt", null);
        transfer.passing(100, ByteBuffer.wrap(bytes("tail")));

        Summary summary = finish(transfer);

        assertFalse(summary.sequential());
        assertEquals(4, summary.size());
        assertEquals(sha256("tail"), summary.sha256());
        assertNull(summary.keptAs());
    }

    @Test
    void aTransferThatBrokeOffIsIncomplete() throws Exception {
        Transfer transfer = new Transfer(Direction.UPLOAD, "/half.bin", null);
        transfer.passing(0, ByteBuffer.wrap(bytes("half")));
        transfer.broken();

        assertFalse(finish(transfer).complete());
    }

    @Test
    void transcriptLinesCannotDriveTheReplayersTerminal() {
        assertEquals("evil?[2Jname?.txt", SftpTrail.printable("evil\u001b[2Jname\u202e.txt"));
    }

    private static Summary finish(Transfer transfer) throws Exception {
        AtomicReference<Summary> summary = new AtomicReference<>();
        transfer.finish(summary::set);
        return summary.get();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(text)));
    }
}
