package io.otbroker.recorder.chain;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.otbroker.recorder.MalformedRecordingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Any bytes offered as a manifest are read or refused with {@link MalformedRecordingException}, never with
 * another exception; a manifest that is read writes back to bytes that read to the same manifest.
 */
class ManifestFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void manifestsParseOrAreRefused(byte[] input) {
        try {
            Manifest manifest = ManifestCodec.fromJson(input);
            byte[] written = ManifestCodec.toJson(manifest);
            assertArrayEquals(written, ManifestCodec.toJson(ManifestCodec.fromJson(written)));
        } catch (MalformedRecordingException refused) {
            // refusing bad input is the expected outcome
        }
    }
}
