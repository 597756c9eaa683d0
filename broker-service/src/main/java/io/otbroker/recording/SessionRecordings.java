package io.otbroker.recording;

import io.otbroker.recorder.Recorder;
import io.otbroker.recorder.RecorderSettings;
import io.otbroker.recorder.RecordingFailureListener;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.RecordingMetadata;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.guac.GuacWriter;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.recorder.store.RecordingStore;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The broker's session recordings: a file-system store under {@code otbroker.recordings.dir}, signed with
 * the broker's Ed25519 key (generated once under the data directory). Recordings a crashed broker left
 * open are sealed as INCOMPLETE at start-up.
 */
// Created at start-up on a Quarkus thread: first created on one of MINA's I/O threads, a bean would
// read its configuration through the wrong class loader in the packaged broker.
@Startup
@ApplicationScoped
public class SessionRecordings {

    private static final Logger LOG = Logger.getLogger(SessionRecordings.class);

    @Inject
    RecordingStorage storage;

    @ConfigProperty(name = "otbroker.recordings.signing-key")
    Path signingKeyFile;

    @Inject
    Clock clock;

    private RecordingStore store;
    private Recorder recorder;
    private PublicKey publicKey;

    /** Why at start-up: a broker that cannot record must not take sessions, and must say so before it does. */
    void open(@Observes StartupEvent event) throws IOException, GeneralSecurityException {
        KeyPair keys = loadOrCreateKeys();
        publicKey = keys.getPublic();
        store = storage.open();
        recorder = new Recorder(store, new ManifestSigner(keys), clock, RecorderSettings.defaults());
        recorder.recoverAbandoned().forEach(result -> LOG.warnf("recording sealed after a crash: %s", result));
    }

    /**
     * Starts an asciicast recording of a terminal session.
     *
     * @throws io.otbroker.recorder.RecordingFailedException if it cannot be started: refuse the session
     */
    public AsciicastWriter startTerminal(RecordingId id, long grantId, String vendor, String asset, int width,
            int height, Map<String, String> env, RecordingFailureListener listener) {
        RecordingMetadata metadata = new RecordingMetadata(id, String.valueOf(grantId), vendor, asset,
                RecordingFormat.ASCIICAST);
        return recorder.startAsciicast(metadata, width, height, vendor + " on " + asset, env, listener);
    }

    /**
     * Starts a Guacamole recording of a remote desktop session (RDP, VNC).
     *
     * @throws io.otbroker.recorder.RecordingFailedException if it cannot be started: refuse the session
     */
    public GuacWriter startDesktop(RecordingId id, long grantId, String vendor, String asset,
            RecordingFailureListener listener) {
        return recorder.startGuacamole(new RecordingMetadata(id, String.valueOf(grantId), vendor, asset,
                RecordingFormat.GUACAMOLE), listener);
    }

    /** A sealed recording, for replay and verification. */
    public RecordingSource sealed(RecordingId id) {
        try {
            return store.sealed(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sealed recording {@code id}, or empty while it is open or when it is not in the store. */
    public Optional<RecordingSource> findSealed(RecordingId id) {
        try {
            return Optional.of(store.sealed(id));
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    /** The public half of the signing key: what an auditor verifies recordings with. */
    public PublicKey publicKey() {
        return publicKey;
    }

    private KeyPair loadOrCreateKeys() throws IOException, GeneralSecurityException {
        Path publicFile = signingKeyFile.resolveSibling(signingKeyFile.getFileName() + ".pub");
        if (!Files.exists(signingKeyFile)) {
            KeyPair generated = PemKeys.generate();
            Files.createDirectories(signingKeyFile.toAbsolutePath().getParent());
            Files.writeString(publicFile, PemKeys.publicKeyPem(generated.getPublic()));
            writeOwnerOnly(signingKeyFile, PemKeys.privateKeyPem(generated.getPrivate()));
        }
        return new KeyPair(PemKeys.readPublicKey(Files.readString(publicFile)),
                PemKeys.readPrivateKey(Files.readString(signingKeyFile)));
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(partial, content);
        if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, file);
    }
}
