package io.otbroker.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Terminal output decoded as it arrives: a character split between reads arrives whole, junk as U+FFFD. */
class Utf8TextTest {

    @Test
    void aCharacterSplitBetweenReadsArrivesWhole() {
        byte[] bytes = "é─😀!".getBytes(StandardCharsets.UTF_8);
        Utf8Text text = new Utf8Text();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            shown.append(text.decode(Arrays.copyOfRange(bytes, i, i + 1), 1));
        }
        assertEquals("é─😀!", shown.append(text.finish()).toString());
    }

    @Test
    void bytesThatAreNoUtf8ShowAsReplacementCharacters() {
        Utf8Text text = new Utf8Text();
        assertEquals("a\uFFFDb", text.decode(new byte[] {'a', (byte) 0xFF, 'b'}, 3));
        assertEquals("", text.decode(new byte[] {(byte) 0xE2, (byte) 0x94}, 2));
        assertEquals("\uFFFD", text.finish(), "an unfinished character at the end");
    }
}
