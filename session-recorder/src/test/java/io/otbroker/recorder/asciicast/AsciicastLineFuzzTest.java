package io.otbroker.recorder.asciicast;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.otbroker.recorder.MalformedRecordingException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any line fed to the asciicast parsers either parses or is refused with {@link MalformedRecordingException};
 * whatever parses survives writing and reading again unchanged. The plain build replays the seed corpus;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class AsciicastLineFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void eventLinesParseOrAreRefused(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        try {
            AsciicastEvent event = AsciicastEvent.parse(line);
            assertEquals(event, AsciicastEvent.parse(event.toJsonLine()));
        } catch (MalformedRecordingException refused) {
            // refusing bad input is the expected outcome
        }
    }

    @FuzzTest(maxDuration = "10s")
    void headerLinesParseOrAreRefused(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        try {
            AsciicastHeader header = AsciicastHeader.parse(line);
            assertEquals(header, AsciicastHeader.parse(header.toJsonLine()));
        } catch (MalformedRecordingException refused) {
            // refusing bad input is the expected outcome
        }
    }
}
