package io.otbroker.recorder.cli;

import io.otbroker.recorder.TestRecordings;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastHeader;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.RecordingParts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline verifier's output lines and exit codes, run in-process on copies of the golden recordings. */
class VerifierCliTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final String VERIFIED_TERMINAL = "VERIFIED: session 3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10, grant \"grant-42\", "
            + "vendor \"alice@acme.example\", asset \"plc-eng-station-7\", 2026-01-02T03:04:05Z to 2026-01-02T03:04:20.701Z";

    @TempDir
    Path temp;
    private Path terminal;
    private Path brokerKey;
    private Path otherKey;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyGoldenRecording() throws IOException {
        terminal = copy(GOLDEN.resolve("terminal"), temp.resolve("terminal"));
        brokerKey = Files.writeString(temp.resolve("broker.pub.pem"), TestRecordings.resource("keys/test-broker.pub.pem"));
        otherKey = Files.writeString(temp.resolve("other.pub.pem"), TestRecordings.resource("keys/other-broker.pub.pem"));
    }

    @Test
    void intactRecordingIsVerifiedAndNamed() {
        assertEquals(0, run("verify", terminal.toString(), "--public-key", brokerKey.toString()));
        assertEquals(VERIFIED_TERMINAL + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void recordingInADirectoryNamedByItsIdIsVerified() throws IOException {
        Path named = copy(terminal, temp.resolve(TestRecordings.TERMINAL_ID.toString()));
        assertEquals(0, run("verify", named.toString(), "--public-key", brokerKey.toString()));
        assertEquals(VERIFIED_TERMINAL + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void signedRecordingOfAnotherSessionUnderThisIdIsTampered() throws IOException {
        Path named = copy(GOLDEN.resolve("desktop"), temp.resolve(TestRecordings.TERMINAL_ID.toString()));
        assertEquals(1, run("verify", named.toString(), "--public-key", brokerKey.toString()));
        assertEquals("TAMPERED: manifest belongs to recording " + TestRecordings.DESKTOP_ID + "\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void flippedByteIsTamperedWithItsLocation() throws IOException {
        Path segment = terminal.resolve(RecordingParts.segment(2));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[5] ^= 0x20;
        Files.write(segment, bytes);

        assertEquals(1, run("verify", terminal.toString(), "--public-key", brokerKey.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("TAMPERED at segment 2 (offset 439)"), out.toString());
    }

    @Test
    void incompleteButIntactRecordingHasItsOwnCode() throws IOException {
        Path manifest = terminal.resolve(RecordingParts.MANIFEST);
        byte[] incomplete = Files.readString(manifest).replace("\"COMPLETE\"", "\"INCOMPLETE\"").getBytes(StandardCharsets.UTF_8);
        Files.write(manifest, incomplete);
        Files.write(terminal.resolve(RecordingParts.SIGNATURE), new ManifestSigner(TestRecordings.brokerKeys()).sign(incomplete));

        assertEquals(2, run("verify", terminal.toString(), "--public-key", brokerKey.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("INCOMPLETE: session 3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10, "
                + "grant \"grant-42\""), out.toString());
    }

    @Test
    void wrongKeyIsABadSignature() {
        assertEquals(3, run("verify", terminal.toString(), "--public-key", otherKey.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("BAD SIGNATURE"), out.toString());
    }

    @Test
    void desktopRecordingVerifiesToo() throws IOException {
        Path desktop = copy(GOLDEN.resolve("desktop"), temp.resolve("desktop"));
        assertEquals(0, run("verify", desktop.toString(), "--public-key", brokerKey.toString()));
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        assertEquals(VerifierCli.USAGE, run());
        assertEquals(VerifierCli.USAGE, run("verify", terminal.toString()));
        assertEquals(VerifierCli.USAGE, run("shred", terminal.toString(), "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage:"));
    }

    @Test
    void missingRecordingIsUnreadableInput() {
        assertEquals(VerifierCli.UNREADABLE, run("verify", temp.resolve("nothing").toString(), "--public-key", brokerKey.toString()));
        assertEquals(VerifierCli.UNREADABLE, run("verify", terminal.toString(), "--public-key", terminal.resolve("journal").toString()));
    }

    @Test
    void exportWritesAPlainAsciicastFile() throws IOException {
        Path cast = temp.resolve("session.cast");
        assertEquals(0, run("export", terminal.toString(), cast.toString()));

        List<String> lines = Files.readAllLines(cast, StandardCharsets.UTF_8);
        assertEquals(80, AsciicastHeader.parse(lines.getFirst()).width());
        lines.subList(1, lines.size()).forEach(AsciicastEvent::parse);
        assertEquals(1311, Files.size(cast));
        assertEquals(VerifierCli.UNREADABLE, run("export", terminal.toString(), cast.toString()), "never overwrites");
    }

    @Test
    void exportedFilePlaysInTheStockAsciinemaPlayer() throws Exception {
        Path cast = temp.resolve("session.cast");
        assertEquals(0, run("export", terminal.toString(), cast.toString()));
        StringBuilder shown = new StringBuilder();
        List<String> lines = Files.readAllLines(cast, StandardCharsets.UTF_8);
        lines.subList(1, lines.size()).stream().map(AsciicastEvent::parse)
                .filter(event -> event.type() == AsciicastEvent.Type.OUTPUT).forEach(event -> shown.append(event.data()));

        // asciinema wants a terminal: script(1) gives it one. A pty may turn \n into \r\n, so compare without \r.
        Process player = new ProcessBuilder("script", "-qec", "asciinema cat '" + cast + "'", "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).start();
        String played = new String(player.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, player.waitFor(), "asciinema (apt-get install asciinema) could not play the export: " + played);
        assertEquals(shown.toString().replace("\r", ""), played.replace("\r", ""),
                "asciinema replays exactly the recorded output");
    }

    @Test
    void keygenWritesAUsableKeyPairWithAPrivateKeyForTheOwnerOnly() throws Exception {
        Path privateKey = temp.resolve("new.key");
        Path publicKey = temp.resolve("new.pub.pem");
        assertEquals(0, run("keygen", privateKey.toString(), publicKey.toString()));

        KeyPair keys = new KeyPair(PemKeys.readPublicKey(Files.readString(publicKey)),
                PemKeys.readPrivateKey(Files.readString(privateKey)));
        byte[] signature = new ManifestSigner(keys).sign("m".getBytes(StandardCharsets.UTF_8));
        assertTrue(ManifestSigner.isValid("m".getBytes(StandardCharsets.UTF_8), signature, keys.getPublic()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
    }

    private int run(String... args) {
        return new VerifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> parts = Files.list(from)) {
            for (Path part : parts.toList()) {
                Files.copy(part, to.resolve(part.getFileName()));
            }
        }
        return to;
    }
}
