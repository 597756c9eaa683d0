package io.otbroker.recorder.guac;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.otbroker.recorder.MalformedRecordingException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text fed to the Guacamole parser parses, waits for more, or is refused with
 * {@link MalformedRecordingException}; whatever parses is re-encoded to text that parses to the same instruction.
 */
class GuacParserFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void instructionsParseWaitOrAreRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int position = 0;
        try {
            GuacParser.Parsed parsed;
            while ((parsed = GuacParser.parseAt(text, position)) != null) {
                assertTrue(parsed.end() > position);
                String rewritten = parsed.instruction().toWire();
                assertEquals(parsed.instruction(), GuacParser.parseAt(rewritten, 0).instruction());
                position = parsed.end();
            }
        } catch (MalformedRecordingException refused) {
            // refusing bad input is the expected outcome
        }
    }
}
