package io.otbroker.recorder;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Only canonical UUIDs address recordings, so no path syntax from outside reaches the store. */
class RecordingIdTest {

    @Test
    void acceptsCanonicalUuids() {
        assertEquals("3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10", RecordingId.parse("3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10").toString());
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : List.of("../sealed/3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10", "3F1E7C52-8D7A-4C1B-9A55-0C2D8E4F6A10",
                "3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a1", "3f1e7c52-8d7a-4c1b-9a55-0c2d8e4f6a10/..", "", "1-1-1-1-1")) {
            assertThrows(IllegalArgumentException.class, () -> RecordingId.parse(bad), bad);
        }
    }
}
