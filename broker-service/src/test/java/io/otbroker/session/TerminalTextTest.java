package io.otbroker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Terminal output decoded as it arrives: a character split between reads arrives whole, junk as U+FFFD. */
class TerminalTextTest {

    @Test
    void aCharacterSplitBetweenReadsArrivesWhole() {
        byte[] bytes = "é─😀!".getBytes(StandardCharsets.UTF_8);
        TerminalText text = new TerminalText();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            shown.append(text.next(Arrays.copyOfRange(bytes, i, i + 1), 1));
        }
        assertEquals("é─😀!", shown.append(text.finish()).toString());
    }

    @Test
    void bytesThatAreNoUtf8ShowAsReplacementCharacters() {
        TerminalText text = new TerminalText();
        assertEquals("a\uFFFDb", text.next(new byte[] {'a', (byte) 0xFF, 'b'}, 3));
        assertEquals("", text.next(new byte[] {(byte) 0xE2, (byte) 0x94}, 2));
        assertEquals("\uFFFD", text.finish(), "an unfinished character at the end");
    }
}
