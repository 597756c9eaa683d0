package io.otbroker.recorder.chain;

import io.otbroker.recorder.RecordingMetadata;

import java.time.Instant;
import java.util.Objects;

/**
 * The signed statement about one recording: who, what, when, whether it ended cleanly, the segment chain
 * and the seek index, and which key signed it ({@code signingKey} is the SHA-256 of the public key's
 * X.509 encoding, so a verifier can tell "wrong key" from "edited manifest").
 */
public record Manifest(RecordingMetadata metadata, Instant start, Instant end, State state, ChainSummary chain,
                       String signingKey) {

    /** {@code COMPLETE}: closed by the recorder. {@code INCOMPLETE}: sealed by crash recovery or after a failure. */
    public enum State { COMPLETE, INCOMPLETE }

    public Manifest {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signingKey, "signingKey");
    }
}
