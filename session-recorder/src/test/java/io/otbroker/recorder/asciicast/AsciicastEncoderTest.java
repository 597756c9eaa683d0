package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.chain.RecordUnit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The encoder's lines: ASCII chunks (written byte for byte) and any other text alike, as the event's own JSON. */
class AsciicastEncoderTest {

    @Test
    void everyAsciiCharacterIsWrittenAsTheEventsJsonWritesIt() {
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        RecordUnit unit = new AsciicastEncoder().chunk(AsciicastEvent.Type.OUTPUT, ascii, 1_500_000, 80, 24);

        String expected = new AsciicastEvent(1_500_000, AsciicastEvent.Type.OUTPUT,
                new String(ascii, StandardCharsets.US_ASCII)).toJsonLine() + "\n";
        assertEquals(expected, text(unit));
    }

    /**
     * The ASCII path reads eight bytes at a time: for every length around a word's size, a byte that needs an
     * escape, or a non-ASCII character, at every position must give the event's own JSON.
     */
    @Test
    void anEscapeOrANonAsciiCharacterAtAnyPositionOfAWordIsFound() {
        AsciicastEncoder encoder = new AsciicastEncoder(); // one for all: its reused buffer must not leak into lines
        for (int length = 1; length <= 3 * Long.BYTES + 1; length++) {
            for (int at = 0; at < length; at++) {
                for (String special : List.of("\u0000", "\u001f", "\"", "\\", "\u007f", "é")) {
                    assertEncodedAsTheEvent(encoder, "x".repeat(at) + special + "x".repeat(length - at - 1));
                }
            }
        }
    }

    /** Escapes that outgrow the room first guessed for them, with and without a non-ASCII character after them. */
    @Test
    void manyEscapesAreMeasuredAndStillWrittenWhole() {
        AsciicastEncoder encoder = new AsciicastEncoder();
        for (String text : List.of("\u0001".repeat(300), "\u0001".repeat(300) + "é", "\r", "x".repeat(5000), "\n")) {
            assertEncodedAsTheEvent(encoder, text);
        }
    }

    private static void assertEncodedAsTheEvent(AsciicastEncoder encoder, String text) {
        RecordUnit unit = encoder.chunk(AsciicastEvent.Type.OUTPUT, text.getBytes(StandardCharsets.UTF_8), 3, 80, 24);

        assertEquals(new AsciicastEvent(3, AsciicastEvent.Type.OUTPUT, text).toJsonLine() + "\n",
                text(unit), "\"" + text + "\"");
    }

    @Test
    void asciiAfterAndAroundMultiByteCharactersKeepsEveryCharacterWhole() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        AsciicastEncoder encoder = new AsciicastEncoder();
        List<String> lines = new ArrayList<>();
        // "a" then the euro sign split in two chunks, the second chunk ending in ASCII, then plain ASCII again
        for (byte[] chunk : List.of("a\"".getBytes(StandardCharsets.UTF_8), new byte[] {euro[0]},
                new byte[] {euro[1], euro[2], 'b', '\n'}, "c\\\u001b[0m".getBytes(StandardCharsets.UTF_8))) {
            RecordUnit unit = encoder.chunk(AsciicastEvent.Type.INPUT, chunk, 7, 80, 24);
            if (unit != null) {
                lines.add(text(unit));
            }
        }

        assertEquals(List.of(line("a\""), line("€b\n"), line("c\\\u001b[0m")), lines);
    }

    private static String line(String data) {
        return new AsciicastEvent(7, AsciicastEvent.Type.INPUT, data).toJsonLine() + "\n";
    }

    /** A unit's line; its bytes may be a longer, lent buffer. */
    private static String text(RecordUnit unit) {
        return new String(unit.bytes(), 0, unit.length(), StandardCharsets.UTF_8);
    }
}
