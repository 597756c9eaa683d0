package io.otbroker.recorder;

import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastReader;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.guac.GuacInstruction;
import io.otbroker.recorder.guac.GuacReader;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingRoundTripTest {

    @TempDir
    Path root;

    @Test
    void terminalSessionIsRecordedSealedVerifiedAndReadBack() throws Exception {
        Manifest manifest = TestRecordings.recordTerminal(root);
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);

        assertEquals(Manifest.State.COMPLETE, manifest.state());
        assertTrue(manifest.chain().segments().size() > 3, "small segments cut the recording");
        assertFalse(Files.exists(root.resolve("open").resolve(TestRecordings.TERMINAL_ID.toString())));
        RecordingSource sealed = store.sealed(TestRecordings.TERMINAL_ID);
        assertEquals(Verdict.Outcome.VERIFIED, RecordingVerifier.verify(sealed, TestRecordings.TERMINAL_ID,
                TestRecordings.brokerKeys().getPublic()).outcome());

        List<AsciicastEvent> events = readAll(sealed, manifest);
        assertEquals("cost ", events.get(7).data(), "an incomplete character waits for its other bytes");
        assertEquals("€12\r\n", events.get(8).data(), "a character split across writes is whole");
        assertEquals(0.120, events.getFirst().timeMicros() / 1e6, 1e-9);
        assertEquals(AsciicastEvent.Type.RESIZE, events.get(9).type());
        assertEquals("120x40", events.get(9).data());
        assertEquals(new AsciicastEvent(3_701_000, AsciicastEvent.Type.MARKER, "config download"), events.get(10));
        assertEquals(23, events.size());
    }

    @Test
    void desktopSessionKeepsInstructionsWithCodePointLengths() throws Exception {
        Manifest manifest = TestRecordings.recordDesktop(root);
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);

        RecordingSource sealed = store.sealed(TestRecordings.DESKTOP_ID);
        assertEquals(Verdict.Outcome.VERIFIED, RecordingVerifier.verify(sealed, TestRecordings.DESKTOP_ID,
                TestRecordings.brokerKeys().getPublic()).outcome());
        List<GuacInstruction> instructions = new ArrayList<>();
        try (GuacReader reader = GuacReader.open(sealed, manifest)) {
            Optional<GuacInstruction> next;
            while ((next = reader.next()).isPresent()) {
                instructions.add(next.get());
            }
        }
        assertEquals(GuacInstruction.of("size", "0", "1024", "768"), instructions.getFirst());
        assertEquals(GuacInstruction.of("name", "Zürich 😀", "ok"), instructions.get(2));
        assertEquals(28, instructions.size());
        assertEquals(10_000_000, manifest.chain().index().getLast().timeMicros(), "a seek point every 5 s of sync time");
        assertEquals(1024, manifest.chain().index().getLast().width());
    }

    @Test
    void desktopRecordingIsReadFromTheSyncBeforeAnOffset() throws Exception {
        Manifest manifest = TestRecordings.recordDesktop(root);
        try (GuacReader reader = GuacReader.from(new FileSystemRecordingStore(root).sealed(TestRecordings.DESKTOP_ID),
                manifest, Duration.ofSeconds(7))) {
            assertEquals(GuacInstruction.of("sync", "6000"), reader.next().orElseThrow());
        }
    }

    @Test
    void recordingsAreSignedWithEd25519KeysOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> new ManifestSigner(KeyPairGenerator.getInstance("Ed448").generateKeyPair()));
    }

    @Test
    void closingTwiceReturnsTheSameManifest() throws Exception {
        MutableClock clock = new MutableClock(TestRecordings.START);
        AsciicastWriter writer = TestRecordings.startTerminal(TestRecordings.recorder(
                new FileSystemRecordingStore(root), clock, TestRecordings.smallSegments()), TestRecordings.TERMINAL_ID);
        writer.output("bye\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(writer.close(), writer.close());
    }

    @Test
    void eventsKeepTheRelaysBytesAndTimesAlthoughTheyAreEncodedLater() throws Exception {
        MutableClock clock = new MutableClock(TestRecordings.START);
        AsciicastWriter writer = TestRecordings.startTerminal(TestRecordings.recorder(
                new FileSystemRecordingStore(root), clock, TestRecordings.smallSegments()), TestRecordings.TERMINAL_ID);
        byte[] relayBuffer = "first\r\n".getBytes(StandardCharsets.UTF_8);
        writer.output(relayBuffer, 0, relayBuffer.length);
        relayBuffer[0] = 'F';
        clock.advance(Duration.ofSeconds(2));
        writer.output(relayBuffer, 0, 1);
        writer.output(new byte[] {(byte) 0xe2, (byte) 0x82});
        clock.advance(Duration.ofSeconds(3));
        Manifest manifest = writer.close();

        List<AsciicastEvent> events = readAll(new FileSystemRecordingStore(root).sealed(TestRecordings.TERMINAL_ID),
                manifest);
        assertEquals(List.of(new AsciicastEvent(0, AsciicastEvent.Type.OUTPUT, "first\r\n"),
                        new AsciicastEvent(2_000_000, AsciicastEvent.Type.OUTPUT, "F"),
                        new AsciicastEvent(5_000_000, AsciicastEvent.Type.OUTPUT, "\uFFFD")), events,
                "a reused relay buffer does not change what was recorded; a dangling partial character is"
                        + " flushed at close, timed when the relay handed it over");
    }

    static List<AsciicastEvent> readAll(RecordingSource source, Manifest manifest) throws Exception {
        List<AsciicastEvent> events = new ArrayList<>();
        try (AsciicastReader reader = AsciicastReader.open(source, manifest)) {
            Optional<AsciicastEvent> next;
            while ((next = reader.next()).isPresent()) {
                events.add(next.get());
            }
        }
        return events;
    }
}
