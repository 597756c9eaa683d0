package io.otbroker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The screen so far: the last bytes of output, bounded, and cheap while a session is quiet. */
class OutputTailTest {

    @Test
    void keepsEverythingWhileBelowTheBoundAndStartsSmall() {
        OutputTail tail = new OutputTail(16 * 1024);
        assertEquals("", tail.text());
        assertEquals(0, tail.allocated(), "nothing on the heap before any output");
        append(tail, "alice@plc-7:~$ ");
        append(tail, "ls\r\nlogs\r\n");
        assertEquals("alice@plc-7:~$ ls\r\nlogs\r\n", tail.text());
        assertTrue(tail.allocated() <= 256, "a prompt costs a small buffer: " + tail.allocated());
    }

    @Test
    void keepsOnlyTheLastBytesOnceFullAcrossManyWrapsAndOneHugeChunk() {
        OutputTail tail = new OutputTail(1000);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            String line = "line " + i + "\r\n";
            all.append(line);
            append(tail, line);
        }
        assertEquals(all.substring(all.length() - 1000), tail.text());
        assertEquals(1000, tail.allocated(), "never beyond the bound");

        String huge = "x".repeat(2500) + "the end";
        append(tail, huge);
        assertEquals(huge.substring(huge.length() - 1000), tail.text());
        append(tail, "!");
        assertEquals(huge.substring(huge.length() - 999) + "!", tail.text());
    }

    @Test
    void aCharacterCutByTheBoundIsSkippedAndOneIncompleteAtTheEndWaits() {
        OutputTail tail = new OutputTail(8);
        append(tail, "€uro12");
        assertEquals("€uro12", tail.text(), "exactly at the bound");
        append(tail, "3");
        assertEquals("uro123", tail.text(), "the euro sign's first byte was pushed out: its rest is skipped");
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        tail.append(euro, 0, 1);
        assertEquals("uro123", tail.text(), "half a character at the end waits for its rest");
    }

    private static void append(OutputTail tail, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.append(bytes, 0, bytes.length);
    }
}
