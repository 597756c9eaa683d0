package io.otbroker.recorder.cli;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.ManifestCodec;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.SegmentInputStream;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.DirectoryRecording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;

/**
 * The offline tool for auditors: no database, no broker, no dependencies.
 *
 * <pre>
 * verify RECORDING_DIR --public-key KEY.pem   check a recording against the broker's public key
 * export RECORDING_DIR OUT.cast               write the plain asciicast v2 file (any player plays it)
 * keygen PRIVATE.pem PUBLIC.pem               make an Ed25519 key pair for a broker
 * </pre>
 *
 * Exit codes: 0 verified (or command done), 1 tampered, 2 incomplete but intact, 3 bad signature,
 * 64 usage error, 66 input not readable. Paths here are the auditor's own arguments on their own machine;
 * the broker's store never takes paths.
 */
public final class VerifierCli {

    static final int USAGE = 64;
    static final int UNREADABLE = 66;
    private static final String USAGE_TEXT = """
            usage: verify RECORDING_DIR --public-key KEY.pem
                   export RECORDING_DIR OUT.cast
                   keygen PRIVATE.pem PUBLIC.pem""";

    private final PrintStream out;
    private final PrintStream err;

    VerifierCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new VerifierCli(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        try {
            return dispatch(args);
        } catch (IOException | MalformedRecordingException unreadable) {
            err.println("cannot read input: " + unreadable.getMessage());
            return UNREADABLE;
        } catch (GeneralSecurityException badKey) {
            err.println("cannot use key: " + badKey.getMessage());
            return UNREADABLE;
        }
    }

    private int dispatch(List<String> args) throws IOException, GeneralSecurityException {
        String command = args.isEmpty() ? "" : args.getFirst();
        if (command.equals("verify") && args.size() == 4 && args.get(2).equals("--public-key")) {
            return verify(Path.of(args.get(1)), Path.of(args.get(3)));
        }
        if (command.equals("export") && args.size() == 3) {
            return export(Path.of(args.get(1)), Path.of(args.get(2)));
        }
        if (command.equals("keygen") && args.size() == 3) {
            return keygen(Path.of(args.get(1)), Path.of(args.get(2)));
        }
        err.println(USAGE_TEXT);
        return USAGE;
    }

    /**
     * Verifies a recording directory. Why the directory name matters: stores name a recording's directory by
     * its id, so a directory named by a valid id must hold that recording, not a signed one of another
     * session copied in. Under any other name only the recording's own integrity is checked, and the line
     * names the session for the auditor to compare.
     */
    private int verify(Path recording, Path keyFile) throws IOException, GeneralSecurityException {
        PublicKey key = PemKeys.readPublicKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
        requireDirectory(recording);
        DirectoryRecording source = new DirectoryRecording(recording);
        Path name = recording.toAbsolutePath().normalize().getFileName();
        Verdict verdict = name != null && RecordingId.isValid(name.toString())
                ? RecordingVerifier.verify(source, RecordingId.parse(name.toString()), key)
                : RecordingVerifier.verifyWithoutExpectedId(source, key);
        out.println(verdict.describe());
        return verdict.outcome().exitCode();
    }

    /** Concatenates the segments listed in the manifest; refuses to overwrite an existing file. */
    private int export(Path recording, Path target) throws IOException {
        requireDirectory(recording);
        DirectoryRecording source = new DirectoryRecording(recording);
        Manifest manifest = ManifestCodec.fromJson(source.manifest()
                .orElseThrow(() -> new IOException("no manifest in " + recording)));
        if (manifest.metadata().format() != RecordingFormat.ASCIICAST) {
            err.println("only terminal (asciicast) recordings can be exported");
            return USAGE;
        }
        long written;
        try (InputStream in = new SegmentInputStream(source, manifest.chain(), 0, 0);
             OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            written = in.transferTo(file);
        }
        out.println("EXPORTED " + written + " bytes to " + target + " (export does not verify; run verify first)");
        return 0;
    }

    private int keygen(Path privateFile, Path publicFile) throws IOException {
        KeyPair keys = PemKeys.generate();
        Files.writeString(publicFile, PemKeys.publicKeyPem(keys.getPublic()), StandardOpenOption.CREATE_NEW);
        PrivateKeyFiles.writeOwnerOnly(privateFile, PemKeys.privateKeyPem(keys.getPrivate()));
        out.println("KEY " + PemKeys.keyId(keys.getPublic()));
        return 0;
    }

    private static void requireDirectory(Path recording) throws IOException {
        if (!Files.isDirectory(recording)) {
            throw new IOException("not a recording directory: " + recording);
        }
    }
}
