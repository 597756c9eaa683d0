package io.otbroker.recorder;

import java.util.Arrays;

/** The two recording formats: what players already read, with the name used in the manifest and the file suffix. */
public enum RecordingFormat {
    /** Terminal sessions (SSH): asciicast v2, one JSON document per line. */
    ASCIICAST("asciicast-v2", "cast"),
    /** Remote desktop sessions (RDP, VNC): the Guacamole protocol stream as relayed. */
    GUACAMOLE("guacamole", "guac");

    private final String manifestName;
    private final String fileSuffix;

    RecordingFormat(String manifestName, String fileSuffix) {
        this.manifestName = manifestName;
        this.fileSuffix = fileSuffix;
    }

    public String manifestName() {
        return manifestName;
    }

    public String fileSuffix() {
        return fileSuffix;
    }

    /** Looks a format up by its manifest name. */
    public static RecordingFormat fromManifestName(String name) {
        return Arrays.stream(values())
                .filter(format -> format.manifestName.equals(name))
                .findFirst()
                .orElseThrow(() -> new MalformedRecordingException("unknown recording format"));
    }
}
