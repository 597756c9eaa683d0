package io.otbroker.recorder.chain;

import io.otbroker.recorder.TestRecordings;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a segment holds is what the units said when they were appended, whoever reuses their bytes later. */
class SegmentedRecordingTest {

    @TempDir
    Path root;

    /**
     * The asciicast encoder lends one buffer for every unit and overwrites it with the next: each unit must be
     * copied whole, only its own length, into the segment and the chain hash. Sizes around the segment buffer's
     * steps (4 KiB doubling to 64 KiB) and beyond it, so the buffer grows, flushes and is bypassed.
     */
    @Test
    void unitsLentFromOneReusedBufferAreWrittenAsTheyWereWhenAppended() throws IOException {
        RecordingDraft draft = new FileSystemRecordingStore(root).create(TestRecordings.TERMINAL_ID);
        SegmentedRecording segments = new SegmentedRecording(draft,
                new SegmentPolicy(1024 * 1024, Duration.ofHours(1)), 1_000_000);
        byte[] lent = new byte[200 * 1024];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int[] lengths = {1, 100, 4095, 4097, 30_000, 65_536, 70_000, 3, 150_000, 5};
        for (int i = 0; i < lengths.length; i++) {
            Arrays.fill(lent, (byte) ('a' + i));
            lent[lengths[i] - 1] = '\n';
            expected.write(lent, 0, lengths[i]);
            segments.append(new RecordUnit(lent, lengths[i], i, true, 80, 24));
            lent[0] = '!'; // the encoder's next chunk overwrites the buffer at once
        }

        ChainSummary chain = segments.finish();

        assertEquals(1, chain.segments().size());
        assertArrayEquals(expected.toByteArray(), segmentBytes(draft, 0));
        assertEquals(ChainHash.of(ChainHash.GENESIS, expected.toByteArray()), chain.finalHash());
        assertEquals(expected.size(), chain.segments().getFirst().size());
    }

    @Test
    void aUnitLongerThanItsBytesIsRefused() {
        byte[] bytes = "[1.0, \"o\", \"x\"]\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IndexOutOfBoundsException.class,
                () -> new RecordUnit(bytes, bytes.length + 1, 0, true, 80, 24));
    }

    private static byte[] segmentBytes(RecordingDraft draft, int index) throws IOException {
        try (InputStream in = Channels.newInputStream(draft.openSegment(index))) {
            return in.readAllBytes();
        }
    }
}
