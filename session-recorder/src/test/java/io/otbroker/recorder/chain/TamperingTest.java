package io.otbroker.recorder.chain;

import io.otbroker.recorder.TestRecordings;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.store.DirectoryRecording;
import io.otbroker.recorder.store.RecordingParts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way of tampering with a sealed recording is detected and located. */
class TamperingTest {

    private static final PublicKey KEY = TestRecordings.brokerKeys().getPublic();

    @TempDir
    Path root;
    private Path recording;
    private Manifest manifest;

    @BeforeEach
    void recordSession() throws Exception {
        manifest = TestRecordings.recordTerminal(root);
        recording = root.resolve("sealed").resolve(TestRecordings.TERMINAL_ID.toString());
    }

    @Test
    void untouchedRecordingIsVerified() throws Exception {
        assertEquals("VERIFIED: session 3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10, grant \"grant-42\", vendor "
                + "\"alice@acme.example\", asset \"plc-eng-station-7\", 2026-01-02T03:04:05Z to "
                + manifest.end(), verify(KEY).describe());
    }

    @Test
    void signedRecordingOfAnotherSessionCopiedInIsTampered() throws Exception {
        Path other = root.resolve("other");
        TestRecordings.recordDesktop(other);
        Path desktop = other.resolve("sealed").resolve(TestRecordings.DESKTOP_ID.toString());
        try (Stream<Path> parts = Files.list(recording)) {
            for (Path part : parts.toList()) {
                Files.delete(part);
            }
        }
        try (Stream<Path> parts = Files.list(desktop)) {
            for (Path part : parts.toList()) {
                Files.copy(part, recording.resolve(part.getFileName()));
            }
        }

        Verdict verdict = verify(KEY);
        assertEquals(Verdict.Outcome.TAMPERED, verdict.outcome());
        assertEquals("TAMPERED: manifest belongs to recording " + TestRecordings.DESKTOP_ID, verdict.describe());
        assertEquals(Verdict.Outcome.VERIFIED,
                RecordingVerifier.verifyWithoutExpectedId(new DirectoryRecording(recording), KEY).outcome(),
                "without an expected id only the recording's own integrity is checked");
    }

    @Test
    void flippedByteIsLocatedInItsSegment() throws Exception {
        long start = segmentStart(2);
        byte[] bytes = Files.readAllBytes(segment(2));
        bytes[17] ^= 0x01;
        Files.write(segment(2), bytes);

        Verdict verdict = verify(KEY);
        assertEquals(Verdict.Outcome.TAMPERED, verdict.outcome());
        assertEquals(2, verdict.segment());
        assertEquals(start, verdict.offset());
        assertTrue(verdict.describe().startsWith("TAMPERED at segment 2 (offset " + start + ")"), verdict.describe());
        long byteInRecording = start + 17;
        assertTrue(byteInRecording >= verdict.offset() && byteInRecording < verdict.offset() + bytes.length);
    }

    @Test
    void truncatedSegmentIsLocatedAtItsCut() throws Exception {
        byte[] bytes = Files.readAllBytes(segment(3));
        Files.write(segment(3), Arrays.copyOf(bytes, 100));

        Verdict verdict = verify(KEY);
        assertEquals(3, verdict.segment());
        assertEquals(segmentStart(3) + 100, verdict.offset());
        assertTrue(verdict.detail().startsWith("truncated"), verdict.detail());
    }

    @Test
    void droppedLastSegmentIsReportedAsMissing() throws Exception {
        int last = manifest.chain().segments().size() - 1;
        Files.delete(segment(last));

        Verdict verdict = verify(KEY);
        assertEquals(last, verdict.segment());
        assertEquals(segmentStart(last), verdict.offset());
        assertTrue(verdict.detail().contains("missing"), verdict.detail());
    }

    @Test
    void deletedMiddleSegmentIsReportedAsMissing() throws Exception {
        Files.delete(segment(1));

        Verdict verdict = verify(KEY);
        assertEquals(1, verdict.segment());
        assertTrue(verdict.detail().contains("missing"), verdict.detail());
    }

    @Test
    void reorderedSegmentsAreDetectedAtTheFirstMovedOne() throws Exception {
        Path swap = root.resolve("swap");
        Files.move(segment(1), swap);
        Files.move(segment(2), segment(1));
        Files.move(swap, segment(2));

        Verdict verdict = verify(KEY);
        assertEquals(Verdict.Outcome.TAMPERED, verdict.outcome());
        assertEquals(1, verdict.segment());
    }

    @Test
    void appendedSegmentIsDetected() throws Exception {
        int count = manifest.chain().segments().size();
        Files.copy(segment(0), segment(count), StandardCopyOption.REPLACE_EXISTING);

        Verdict verdict = verify(KEY);
        assertEquals(count, verdict.segment());
        assertEquals(manifest.chain().totalSize(), verdict.offset());
    }

    @Test
    void editedManifestIsTampered() throws Exception {
        Path manifestFile = recording.resolve(RecordingParts.MANIFEST);
        String edited = Files.readString(manifestFile).replace("alice@acme.example", "mallory@acme.example");
        Files.writeString(manifestFile, edited);

        Verdict verdict = verify(KEY);
        assertEquals(Verdict.Outcome.TAMPERED, verdict.outcome());
        assertTrue(verdict.detail().startsWith("manifest edited"), verdict.detail());
    }

    @Test
    void manifestResignedWithAnotherKeyIsABadSignature() throws Exception {
        Path manifestFile = recording.resolve(RecordingParts.MANIFEST);
        byte[] forged = Files.readString(manifestFile).replace("alice@acme.example", "mallory@acme.example")
                .replace(manifest.signingKey(), new ManifestSigner(TestRecordings.otherKeys()).keyId()).getBytes(StandardCharsets.UTF_8);
        Files.write(manifestFile, forged);
        Files.write(recording.resolve(RecordingParts.SIGNATURE), new ManifestSigner(TestRecordings.otherKeys()).sign(forged));

        assertEquals(Verdict.Outcome.BAD_SIGNATURE, verify(KEY).outcome());
    }

    @Test
    void wrongKeyIsABadSignature() throws Exception {
        Verdict verdict = verify(TestRecordings.otherKeys().getPublic());
        assertEquals(Verdict.Outcome.BAD_SIGNATURE, verdict.outcome());
        assertTrue(verdict.describe().startsWith("BAD SIGNATURE"), verdict.describe());
    }

    @Test
    void missingSignatureIsABadSignature() throws Exception {
        Files.delete(recording.resolve(RecordingParts.SIGNATURE));
        assertEquals(Verdict.Outcome.BAD_SIGNATURE, verify(KEY).outcome());
    }

    private Verdict verify(PublicKey key) throws Exception {
        return RecordingVerifier.verify(new DirectoryRecording(recording), TestRecordings.TERMINAL_ID, key);
    }

    private Path segment(int index) {
        return recording.resolve(RecordingParts.segment(index));
    }

    private long segmentStart(int index) {
        return manifest.chain().segments().subList(0, index).stream().mapToLong(SegmentEntry::size).sum();
    }
}
