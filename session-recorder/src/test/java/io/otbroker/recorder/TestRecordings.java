package io.otbroker.recorder;

import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.SegmentPolicy;
import io.otbroker.recorder.guac.GuacWriter;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Deterministic recordings for tests: a fixed key, a fixed clock, fixed ids and fixed content. */
public final class TestRecordings {

    public static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    public static final RecordingId TERMINAL_ID = RecordingId.parse("3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10");
    public static final RecordingId DESKTOP_ID = RecordingId.parse("9b2d4f60-1a3c-4e5f-8b7d-2c4e6f8a0b1d");

    private TestRecordings() {
    }

    public static KeyPair brokerKeys() {
        return keys("test-broker");
    }

    /** A second, unrelated key pair: "the wrong key". */
    public static KeyPair otherKeys() {
        return keys("other-broker");
    }

    public static String resource(String name) {
        try (InputStream in = TestRecordings.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    private static KeyPair keys(String name) {
        try {
            return new KeyPair(PemKeys.readPublicKey(resource("keys/" + name + ".pub.pem")),
                    PemKeys.readPrivateKey(resource("keys/" + name + ".key")));
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException(broken);
        }
    }

    /** Small segments (256 bytes) so that a short recording has several, and a seek point every 5 s. */
    public static RecorderSettings smallSegments() {
        return new RecorderSettings(new SegmentPolicy(256, Duration.ofSeconds(60)), Duration.ofSeconds(5), 64 * 1024,
                Duration.ofSeconds(5));
    }

    public static Recorder recorder(RecordingStore store, MutableClock clock, RecorderSettings settings) {
        return new Recorder(store, new ManifestSigner(brokerKeys()), clock, settings);
    }

    public static RecordingMetadata metadata(RecordingId id, RecordingFormat format) {
        return new RecordingMetadata(id, "grant-42", "alice@acme.example", "plc-eng-station-7", format);
    }

    public static AsciicastWriter startTerminal(Recorder recorder, RecordingId id) {
        return recorder.startAsciicast(metadata(id, RecordingFormat.ASCIICAST), 80, 24, "plc-eng-station-7",
                Map.of("TERM", "xterm-256color", "SHELL", "/bin/bash"), RecordingFailureListener.NONE);
    }

    /** A short terminal session with a multi-byte character split across two writes, a resize and a marker. */
    public static void playTerminalSession(AsciicastWriter writer, MutableClock clock) {
        step(clock, 120);
        writer.output("login as operator\r\n$ ".getBytes(StandardCharsets.UTF_8));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        for (char c : "ls -l\r".toCharArray()) {
            step(clock, 90);
            writer.input(new byte[] {(byte) c});
        }
        step(clock, 40);
        writer.output(new byte[] {'c', 'o', 's', 't', ' ', euro[0]});
        step(clock, 1);
        writer.output(new byte[] {euro[1], euro[2], '1', '2', '\r', '\n'});
        step(clock, 3_000);
        writer.resize(120, 40);
        writer.marker("config download");
        for (int i = 0; i < 12; i++) {
            step(clock, 1_000);
            writer.output(("line " + i + " \u001b[32mok\u001b[0m \"quoted\" \\ tab\t\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    public static GuacWriter startDesktop(Recorder recorder, RecordingId id) {
        return recorder.startGuacamole(metadata(id, RecordingFormat.GUACAMOLE), RecordingFailureListener.NONE);
    }

    /** A short desktop session, relayed in awkward chunks, with non-ASCII text whose length counts code points. */
    public static void playDesktopSession(GuacWriter writer) {
        writer.relay("4.size,1.0,4.1024,3.768;4.sync,4.1000;");
        writer.relay("4.name,8.Zürich 😀,");
        writer.relay("2.ok;4.rect,1.0,1.0,1.0,2.10,2.10;");
        for (int i = 1; i <= 12; i++) {
            writer.relay("5.cfill,2.14,1.0,3.255,1.0,1.0,3.255;4.sync," + (1000 + i * 1000 + "").length() + "."
                    + (1000 + i * 1000) + ";");
        }
    }

    /** Records {@link #playTerminalSession} with small segments into a store at {@code root} and seals it. */
    public static Manifest recordTerminal(Path root) throws IOException {
        MutableClock clock = new MutableClock(START);
        AsciicastWriter writer = startTerminal(recorder(new FileSystemRecordingStore(root), clock, smallSegments()),
                TERMINAL_ID);
        playTerminalSession(writer, clock);
        return writer.close();
    }

    /** Records {@link #playDesktopSession} with small segments into a store at {@code root} and seals it. */
    public static Manifest recordDesktop(Path root) throws IOException {
        MutableClock clock = new MutableClock(START);
        GuacWriter writer = startDesktop(recorder(new FileSystemRecordingStore(root), clock, smallSegments()), DESKTOP_ID);
        playDesktopSession(writer);
        return writer.close();
    }

    private static void step(MutableClock clock, long millis) {
        clock.advance(Duration.ofMillis(millis));
    }
}
