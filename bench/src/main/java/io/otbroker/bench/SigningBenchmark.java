package io.otbroker.bench;

import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The once-per-recording cost of signing a manifest the size of a one-hour recording's (about 80 KiB). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SigningBenchmark {

    private ManifestSigner signer;
    private byte[] manifest;

    @Setup
    public void setUp() {
        signer = new ManifestSigner(PemKeys.generate());
        manifest = "{\"index\": [1, 2, 3, 4, 5]}\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] signManifest() {
        return signer.sign(manifest);
    }
}
