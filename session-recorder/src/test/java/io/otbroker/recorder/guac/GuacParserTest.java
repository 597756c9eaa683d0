package io.otbroker.recorder.guac;

import io.otbroker.recorder.MalformedRecordingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GuacParserTest {

    @Test
    void parsesAnInstructionAndSaysWhereItEnds() {
        GuacParser.Parsed parsed = GuacParser.parseAt("4.size,1.0,4.1024,3.768;4.sync", 0);
        assertEquals(GuacInstruction.of("size", "0", "1024", "768"), parsed.instruction());
        assertEquals(24, parsed.end());
    }

    @Test
    void lengthsCountCodePointsNotBytesOrUtf16Units() {
        String wire = "4.name,2.😀é;";
        assertEquals(GuacInstruction.of("name", "😀é"), GuacParser.parseAt(wire, 0).instruction());
        assertEquals(wire, GuacInstruction.of("name", "😀é").toWire());
    }

    @Test
    void valuesMayContainTheSeparators() {
        assertEquals(GuacInstruction.of("key", "a,b;c."), GuacParser.parseAt("3.key,6.a,b;c.;", 0).instruction());
    }

    @Test
    void incompleteInstructionsWaitForMoreText() {
        assertNull(GuacParser.parseAt("4.size,1.0,4.10", 0));
        assertNull(GuacParser.parseAt("4.name,2.\uD83D", 0), "half of a surrogate pair");
        assertNull(GuacParser.parseAt("4.sync", 0));
    }

    @Test
    void malformedTextIsRefused() {
        assertThrows(MalformedRecordingException.class, () -> GuacParser.parseAt("x.size;", 0));
        assertThrows(MalformedRecordingException.class, () -> GuacParser.parseAt("4.sizeX", 0));
        assertThrows(MalformedRecordingException.class, () -> GuacParser.parseAt("99999999.a", 0));
        assertThrows(MalformedRecordingException.class, () -> GuacParser.parseAt(".a;", 0));
    }
}
