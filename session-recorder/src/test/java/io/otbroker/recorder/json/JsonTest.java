package io.otbroker.recorder.json;

import io.otbroker.recorder.MalformedRecordingException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void parsesTheValuesRecordingsUse() {
        assertEquals(Map.of("a", List.of(new BigDecimal("1.5"), "x", Boolean.TRUE)), Json.parse(" {\"a\": [1.5, \"x\", true]} "));
        assertSame(Json.NULL, Json.parse("null"));
        assertEquals("é😀\n", Json.parse("\"\\u00e9\\ud83d\\ude00\\n\""));
    }

    @Test
    void refusesWhatIsNotStrictJson() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,\"a\":2}", "01", "1.", "\"\u0001\"", "[1] x", "tru",
                "\"\\x\"", "1e999", "[".repeat(40) + "]".repeat(40))) {
            assertThrows(MalformedRecordingException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void writesStringsEveryReaderAccepts() {
        String text = "q\"b\\n\n\t\u0007é";
        assertEquals(text, Json.parse(JsonWriter.quote(new StringBuilder(), text).toString()));
    }
}
