package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.chain.IndexEntry;
import io.otbroker.recorder.chain.SeekIndexBuilder;
import io.otbroker.recorder.chain.UnitScanner;

import java.nio.charset.StandardCharsets;

/** Finds whole asciicast lines in segments for crash recovery, tracking the terminal size for the index. */
public final class AsciicastScanner implements UnitScanner {

    private boolean headerSeen;
    private int width;
    private int height;
    private long lastTimeMicros;

    @Override
    public long scan(byte[] segmentBytes, int segment, SeekIndexBuilder index) {
        int lineStart = 0;
        for (int i = 0; i < segmentBytes.length; i++) {
            if (segmentBytes[i] != '\n') {
                continue;
            }
            String line = new String(segmentBytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
            try {
                accept(line, segment, lineStart, index);
            } catch (MalformedRecordingException damaged) {
                return lineStart;
            }
            lineStart = i + 1;
        }
        return lineStart;
    }

    private void accept(String line, int segment, long offset, SeekIndexBuilder index) {
        if (!headerSeen) {
            AsciicastHeader header = AsciicastHeader.parse(line);
            width = header.width();
            height = header.height();
            headerSeen = true;
            return;
        }
        AsciicastEvent event = AsciicastEvent.parse(line);
        if (event.type() == AsciicastEvent.Type.RESIZE) {
            int[] size = event.resizeTo();
            width = size[0];
            height = size[1];
        }
        lastTimeMicros = event.timeMicros();
        index.observeSeekPoint(new IndexEntry(event.timeMicros(), segment, offset, width, height));
    }

    @Override
    public long lastTimeMicros() {
        return lastTimeMicros;
    }
}
