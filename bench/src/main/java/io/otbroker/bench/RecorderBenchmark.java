package io.otbroker.bench;

import io.otbroker.recorder.Recorder;
import io.otbroker.recorder.RecorderSettings;
import io.otbroker.recorder.RecordingFailureListener;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.RecordingMetadata;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cost of recording: one operation records {@link #RECORDING_BYTES} of terminal output in events of
 * {@code eventBytes}. {@code record} is the full path (queue, writer thread, segments, SHA-256 chain,
 * journal, Ed25519-signed manifest, atomic seal); {@code plainFile} writes the same bytes to a file with
 * neither hashing nor signing; {@code sha256Only} hashes them without writing.
 * MB/s = 4 MiB / time per operation; per-event cost = time per operation / events per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RecorderBenchmark {

    static final int RECORDING_BYTES = 4 * 1024 * 1024;

    @Param({"64", "1024"})
    int eventBytes;

    private Path root;
    private Recorder recorder;
    private byte[] event;

    @Setup
    public void setUp() throws IOException {
        root = Files.createTempDirectory("recorder-bench");
        recorder = new Recorder(new FileSystemRecordingStore(root), new ManifestSigner(PemKeys.generate()),
                InstantSource.system(), RecorderSettings.defaults());
        event = new byte[eventBytes];
        Arrays.fill(event, (byte) 'x');
        event[eventBytes - 1] = '\n';
    }

    @TearDown(Level.Invocation)
    public void deleteRecordings() throws IOException {
        for (String area : new String[] {"sealed", "open"}) {
            try (Stream<Path> files = Files.walk(root.resolve(area))) {
                files.sorted(Comparator.reverseOrder()).filter(path -> !path.getFileName().toString().equals(area))
                        .forEach(RecorderBenchmark::delete);
            }
        }
    }

    @Benchmark
    public Object record() {
        AsciicastWriter writer = recorder.startAsciicast(new RecordingMetadata(RecordingId.random(), "grant",
                "vendor", "asset", RecordingFormat.ASCIICAST), 80, 24, "bench", Map.of(), RecordingFailureListener.NONE);
        for (int written = 0; written < RECORDING_BYTES; written += eventBytes) {
            writer.output(event);
        }
        return writer.close();
    }

    @Benchmark
    public long plainFile() throws IOException {
        Path file = root.resolve("sealed").resolve("plain");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int written = 0; written < RECORDING_BYTES; written += eventBytes) {
                channel.write(ByteBuffer.wrap(event));
            }
            channel.force(false);
            return channel.size();
        }
    }

    @Benchmark
    public byte[] sha256Only() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int written = 0; written < RECORDING_BYTES; written += eventBytes) {
            digest.update(event);
        }
        return digest.digest();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException leftover) {
            throw new IllegalStateException(leftover);
        }
    }
}
