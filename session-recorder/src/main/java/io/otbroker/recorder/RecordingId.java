package io.otbroker.recorder;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The only way to address a recording in a store: a canonical, lower-case UUID.
 *
 * <p>Why so strict: the id becomes a directory or object name. Accepting only the 36-character canonical
 * UUID form means no separator, dot or other path syntax from outside can ever reach the file system.
 */
public record RecordingId(UUID uuid) {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public RecordingId {
        Objects.requireNonNull(uuid, "uuid");
    }

    /** Parses the canonical form only; anything else is refused. */
    public static RecordingId parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a recording id");
        }
        return new RecordingId(UUID.fromString(text));
    }

    /** Tells whether a name found in a store is a recording id (used when listing directories). */
    public static boolean isValid(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    public static RecordingId random() {
        return new RecordingId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
