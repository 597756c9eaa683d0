package io.otbroker.recorder.guac;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.chain.IndexEntry;
import io.otbroker.recorder.chain.SeekIndexBuilder;
import io.otbroker.recorder.chain.UnitScanner;

import java.nio.charset.StandardCharsets;

/** Finds whole Guacamole instructions in segments for crash recovery, rebuilding the seek index from syncs. */
public final class GuacScanner implements UnitScanner {

    private final GuacTimeline timeline = new GuacTimeline();

    @Override
    public long scan(byte[] segmentBytes, int segment, SeekIndexBuilder index) {
        String text = new String(segmentBytes, StandardCharsets.UTF_8);
        int position = 0;
        long byteOffset = 0;
        try {
            GuacParser.Parsed parsed;
            while ((parsed = GuacParser.parseAt(text, position)) != null) {
                if (timeline.observe(parsed.instruction())) {
                    index.observeSeekPoint(new IndexEntry(timeline.timeMicros(), segment, byteOffset,
                            timeline.width(), timeline.height()));
                }
                byteOffset += utf8Length(text, position, parsed.end());
                position = parsed.end();
            }
        } catch (MalformedRecordingException damaged) {
            return byteOffset;
        }
        return byteOffset;
    }

    /** Why re-encode: the recorder wrote valid UTF-8, so the byte length of whole instructions is exact. */
    private static long utf8Length(String text, int from, int to) {
        return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public long lastTimeMicros() {
        return timeline.timeMicros();
    }
}
