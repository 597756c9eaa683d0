package io.otbroker.recorder;

import java.util.Arrays;

/** The two recording formats: what players already read, with the name used in the manifest. */
public enum RecordingFormat {
    /** Terminal sessions (SSH): asciicast v2, one JSON document per line. */
    ASCIICAST("asciicast-v2"),
    /** Remote desktop sessions (RDP, VNC): the Guacamole protocol stream as relayed. */
    GUACAMOLE("guacamole");

    private final String manifestName;

    RecordingFormat(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }

    /** Looks a format up by its manifest name. */
    public static RecordingFormat fromManifestName(String name) {
        return Arrays.stream(values())
                .filter(format -> format.manifestName.equals(name))
                .findFirst()
                .orElseThrow(() -> new MalformedRecordingException("unknown recording format"));
    }
}
