package io.otbroker.recorder;

import java.util.Objects;

/**
 * Who and what a recording is about; copied into the signed manifest.
 *
 * @param id      the recording id, equal to the broker's session id
 * @param grantId the grant the session ran under
 * @param vendor  the vendor user
 * @param asset   the asset the session reached
 * @param format  how the stream is encoded
 */
public record RecordingMetadata(RecordingId id, String grantId, String vendor, String asset, RecordingFormat format) {

    public RecordingMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(format, "format");
    }
}
