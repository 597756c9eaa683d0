package io.otbroker.recorder.store;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fixed names of the parts of one recording. Nothing else is ever created inside a recording. */
public final class RecordingParts {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String JOURNAL = "journal";

    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{6})\\.seg");
    private static final int MAX_SEGMENTS = 1_000_000;

    private RecordingParts() {
    }

    /** The part name of segment {@code index}. */
    public static String segment(int index) {
        if (index < 0 || index >= MAX_SEGMENTS) {
            throw new IllegalArgumentException("segment index out of range");
        }
        return "segment-%06d.seg".formatted(index);
    }

    /** The index of a segment part name, empty for any other name. */
    public static OptionalInt segmentIndex(String name) {
        Matcher matcher = SEGMENT.matcher(name);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
